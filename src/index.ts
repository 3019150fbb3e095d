/**
 * The core's public surface: adapters import from here only (enforced by eslint.config.js), so the
 * core can change inside without touching adapters.
 */
export type { ChatMessage, MessageItem, MessageSection, MessageButton } from './chat/message.js';
export type { ChatPort, SendResult, SendOptions } from './chat/chat-port.js';
export type { CommandHandler, CommandContext, ActionHandler } from './commands/command-port.js';
export type { SettingsForm, SettingsInput, SettingsField } from './chat/settings-form.js';
export type { ChannelAction, ItemActionKind } from './commands/channel-action.js';
export { itemAction, ITEM_ACTIONS, ITEM_ACTION_LABELS } from './commands/channel-action.js';
export { suggestTimeZones } from './commands/check-settings.js';
export { describeSchedule } from './commands/handlers/describe-schedule.js';
export { MAX_COMMAND_CHARS } from './commands/parse-command.js';
export type { HttpRoute } from './server/http-route.js';
export type { Store, InstallationRepository } from './store/store.js';
export type { Destination, Platform } from './core/types.js';
export type { Clock } from './core/clock.js';
export { systemClock, createManualClock } from './core/clock.js';
export type { Logger } from './core/logger.js';
export { createSilentLogger, redactSecretText } from './core/logger.js';
export { toPlainText, truncateAtWord } from './text/plain-text.js';
export { formatHumanTime } from './text/human-time.js';
export { toHttpUrl } from './text/http-url.js';
export { regionMarks } from './core/regions.js';

// Composition: the process entry in adapters/runtime/ plugs platforms into the core's CLI.
export { runCli } from './cli/main.js';
export type { AppCore } from './app/create-core.js';
export type { PlatformBundle, PlatformFactory } from './app/platforms.js';
export { createCore } from './app/create-core.js';
export { loadAppConfig } from './app/load-config.js';
export { runBot } from './app/run-bot.js';
export type { SubscriptionRepository } from './store/store.js';
export type { Subscription } from './core/types.js';
export { createStore } from './store/create-store.js';
export { StoreError, isStoreError } from './store/store-error.js';
export type { StoreErrorCode } from './store/store-error.js';
export { isLoopbackAddress, proxyHeaderOf } from './server/web-access.js';
