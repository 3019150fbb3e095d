import type { ChatPort, SendOptions, SendResult } from '../../src/chat/chat-port.js';
import type { ChatMessage } from '../../src/chat/message.js';
import type { Destination, Platform } from '../../src/core/types.js';

/** One recorded send. */
export interface RecordedSend {
  destination: Destination;
  message: ChatMessage;
  options: SendOptions | undefined;
  result: SendResult;
  /** The clock's time when the send started (when a clock was given). */
  at: number | null;
}

/**
 * A fake chat platform: records every send and answers from a per-channel script (each entry
 * used once, then `sent`). A `delayMs` keeps sends in flight for concurrency tests.
 */
export function createRecordingPort(platform: Platform = 'slack', delayMs = 0, clock?: { now(): Date }) {
  const sends: RecordedSend[] = [];
  const scripts = new Map<string, SendResult[]>();
  let refs = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const port: ChatPort = {
    platform,
    async send(destination, message, options) {
      const at = clock ? clock.now().getTime() : null;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const scripted = scripts.get(destination.channelId)?.shift();
        refs += 1;
        const result: SendResult = scripted ?? { kind: 'sent', messageRef: `ts-${refs}` };
        sends.push({ destination, message, options, result, at });
        return result;
      } finally {
        inFlight -= 1;
      }
    },
  };
  return {
    port,
    sends,
    /** Queues answers for a channel, used in order before falling back to `sent`. */
    script(channelId: string, ...results: SendResult[]) {
      scripts.set(channelId, [...(scripts.get(channelId) ?? []), ...results]);
    },
    sentTo(channelId: string): RecordedSend[] {
      return sends.filter((send) => send.destination.channelId === channelId && send.result.kind === 'sent');
    },
    maxInFlight: () => maxInFlight,
  };
}
