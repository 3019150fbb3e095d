import type { ChatPort } from '../chat/chat-port.js';
import type { HttpRoute } from '../server/http-route.js';
import type { AppCore } from './create-core.js';

/**
 * The chat platforms a running bot talks to. Built outside src/ (adapters/runtime/) and handed
 * to the core, so the core never imports an adapter.
 */
export interface PlatformBundle {
  /** e.g. ["slack", "teams"] or ["console"], for the start-up log. */
  names: string[];
  ports: ChatPort[];
  routes: HttpRoute[];
  /** Starts sockets/prompts that run beside the HTTP server (Socket Mode, console prompt). */
  start(): Promise<void>;
  /** Start-up messages are printed: show what waits for input (the console's privacy> prompt). */
  ready?(): void;
  stop(): Promise<void>;
}

export type PlatformFactory = (core: AppCore) => Promise<PlatformBundle>;
