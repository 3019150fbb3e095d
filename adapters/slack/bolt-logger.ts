/** Bolt's Logger interface on top of our pino logger, so Bolt's messages share our log stream. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { redactSecretText, type Logger } from '../../src/index.js';

/**
 * Wraps a pino logger as a Bolt/@slack logger. Messages are joined and scrubbed at every level:
 * the Web API client logs request bodies at debug (oauth.v2.access: client secret and code).
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let level = LogLevel.INFO;
  const join = (msg: unknown[]) => redactSecretText(msg.map((part) => (typeof part === 'string' ? part : String(part))).join(' '), { sdkText: true });
  return {
    debug: (...msg) => child.debug(join(msg)),
    info: (...msg) => child.info(join(msg)),
    warn: (...msg) => child.warn(join(msg)),
    error: (...msg) => child.error(join(msg)),
    // Our LOG_LEVEL governs; Bolt's own level requests are recorded, not applied.
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
