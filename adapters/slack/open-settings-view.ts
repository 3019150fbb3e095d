/** Opens the settings modal (views.open) for a reply of the command core. */
import type { webApi } from '@slack/bolt';
import type { ChatMessage, Logger } from '../../src/index.js';
import { renderBlocks } from './render-blocks.js';
import { renderNoticeModal, renderSettingsModal } from './settings-modal.js';

/**
 * Opens the settings modal for a `settings` reply that carries a form, or a notice modal with the
 * reply's text (e.g. the permission refusal). False when Slack refused (expired trigger_id).
 */
export async function openSettingsView(client: webApi.WebClient, triggerId: string, channelId: string, reply: ChatMessage, logger: Logger): Promise<boolean> {
  const view = reply.form ? renderSettingsModal(reply.form, channelId) : renderNoticeModal('Channel settings', renderBlocks(reply).text);
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    logger.warn({ err: error, channel: channelId }, 'slack: views.open failed');
    return false;
  }
}
