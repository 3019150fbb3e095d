import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';
import { loadSettingsForm } from '../check-settings.js';
import { EXAMPLES } from '../parse-command.js';
import { topicsById } from '../topic-problems.js';
import { describeSchedule } from './describe-schedule.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

/**
 * `settings`: the channel's topics and digest as a form (a Slack modal, a Teams card). The text
 * says the same for adapters that cannot show a form, with the commands that change it.
 */
export async function handleSettings({ deps, context }: HandlerContext, intro?: string): Promise<ChatMessage> {
  if (!context.canManage) return refuseManage('change this channel’s settings');
  const subscription = await deps.store.subscriptions.get(context.destination);
  const form = await loadSettingsForm(deps, context.destination);
  const lines = [
    intro ?? (subscription
      ? `This channel follows: ${topicsById(subscription.topics, deps.topics).map((topic) => topic.label).join(', ')}.`
      : 'This channel follows no topics yet.'),
    `Weekly digest: ${describeSchedule(form.digest)}.`,
    `Change them in the form, or type \`${EXAMPLES.subscribe}\` and \`${EXAMPLES.digest}\`.`,
  ];
  const title = 'Channel settings';
  return reply({ text: [title, ...lines].join('\n'), title, lines, form });
}
