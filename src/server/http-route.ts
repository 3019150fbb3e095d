import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A route an adapter mounts on the bot's one HTTP server. The request arrives untouched (body
 * not yet read), so adapters can verify signatures over the raw bytes.
 */
export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix ending in `/*`. */
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}
