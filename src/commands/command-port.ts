import type { Destination } from '../core/types.js';
import type { ChatMessage, MessageItem } from '../chat/message.js';
import type { SettingsForm, SettingsInput } from '../chat/settings-form.js';
import type { ChannelAction } from './channel-action.js';
import type { SettingsCheck } from './check-settings.js';

/** Who asked, and where: everything the command core needs from an adapter. */
export interface CommandContext {
  destination: Destination;
  /** Platform user id of the person asking (never stored). */
  userId: string;
  /** Whether the person may change this channel's subscriptions (SLACK_ADMIN_ONLY etc.). */
  canManage: boolean;
}

/** Platform-neutral command handling: text in, message out. Never throws for bad input. */
export interface CommandHandler {
  handle(text: string, context: CommandContext): Promise<ChatMessage>;
}

/**
 * Buttons, menus and forms: the second way into the command core. Adapters translate payloads
 * into ChannelActions (or a SettingsInput) and render what comes back; every rule lives here.
 */
export interface ActionHandler {
  /** The channel's settings form as saved now (defaults for a channel without a subscription). */
  settingsForm(context: CommandContext): Promise<SettingsForm>;
  /**
   * Checks a submitted settings form, including whether the person may change this channel.
   * Stores nothing; fast enough to answer inside Slack's 3-second window.
   */
  checkSettings(input: SettingsInput, context: CommandContext): Promise<SettingsCheck>;
  /** Runs actions in order with the typed commands' own functions; one combined reply. Never throws. */
  run(actions: ChannelAction[], context: CommandContext): Promise<ChatMessage>;
  /**
   * checkSettings then run: a reply whose `form` shows the saved settings (with a notice), or,
   * when the form was refused, the submitted values with field errors and nothing saved.
   */
  saveSettings(input: SettingsInput, context: CommandContext): Promise<{ saved: boolean; message: ChatMessage }>;
  /** The newest stories on any of these topics, one entry per story (App Home). */
  latestStories(topics: string[], limit: number): Promise<MessageItem[]>;
}
