/**
 * A minimal Socket Mode server for tests: accepts one WebSocket (RFC 6455 handshake and framing
 * written by hand; Node has no WebSocket server built in), says `hello` like Slack, sends
 * envelopes, answers pings, and records the client's acks.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface FakeSocketMode {
  url: string;
  acks: Array<Record<string, unknown>>;
  connected: Promise<void>;
  send(message: unknown): void;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Starts the fake on loopback; `url` is what apps.connections.open should return. */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  let socket: Duplex | null = null;
  let buffer = Buffer.alloc(0);
  let onConnect!: () => void;
  const connected = new Promise<void>((resolve) => (onConnect = resolve));
  const listeners = new Set<() => void>();
  const fake: FakeSocketMode = {
    url: '',
    acks: [],
    connected,
    send: (message) => socket?.write(frame(0x1, Buffer.from(JSON.stringify(message)))),
    waitForAck: (envelopeId, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const find = () => fake.acks.find((a) => a.envelope_id === envelopeId);
        const timer = setTimeout(() => reject(new Error(`no ack for ${envelopeId}`)), timeoutMs);
        const check = () => {
          const ack = find();
          if (!ack) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(ack);
        };
        listeners.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        socket?.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, sock) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket = sock;
    sock.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      readFrames();
    });
    sock.on('error', () => undefined);
    fake.send({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } });
    onConnect();
  });

  function readFrames(): void {
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = (buffer[0] as number) & 0x0f;
      let length = (buffer[1] as number) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = ((buffer[1] as number) & 0x80) !== 0;
      const maskOffset = offset;
      if (masked) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (buffer[maskOffset + (i % 4)] as number);
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x9) socket?.write(frame(0xa, payload)); // ping -> pong
      else if (opcode === 0x8) socket?.end(frame(0x8, Buffer.alloc(0)));
      else if (opcode === 0x1) {
        fake.acks.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
        [...listeners].forEach((l) => l());
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  return fake;
}

/** An unmasked server-to-client frame. */
function frame(opcode: number, payload: Buffer): Buffer {
  const header =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, payload.length])
      : payload.length < 65536
        ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x80 | opcode;
            h[1] = 127;
            h.writeBigUInt64BE(BigInt(payload.length), 2);
            return h;
          })();
  return Buffer.concat([header, payload]);
}
