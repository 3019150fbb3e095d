import type { ChatMessage, MessageItem } from '../../src/index.js';
import { formatHumanTime, regionMarks } from '../../src/index.js';

/** Renders a chat message as terminal text (the console adapter's "Block Kit"). */
export function renderText(message: ChatMessage): string {
  const out: string[] = [];
  if (message.kind === 'story_update' && message.items?.[0]) return renderAlsoCovered(message.items[0]);
  if (message.title) out.push(`== ${message.title} ==`);
  for (const line of message.lines ?? []) out.push(line);
  for (const item of message.items ?? []) out.push(renderItem(item));
  for (const section of message.sections ?? []) {
    out.push(`-- ${section.heading} --`);
    for (const item of section.items) out.push(renderItem(item));
    if (section.more) out.push(`   ${section.more}`);
  }
  for (const field of message.fields ?? []) out.push(`${field.label}: ${field.value}`);
  for (const button of message.buttons ?? []) out.push(`[${button.label}]${button.url ? ` ${button.url}` : button.command ? ` -> ${button.command}` : ''}`);
  if (message.footer) out.push(message.footer);
  if (out.length === 0) out.push(message.text);
  return out.join('\n');
}

function describeDate(item: MessageItem): string {
  return item.publishedAt ? formatHumanTime(item.publishedAt) : '';
}

function reference(item: MessageItem): string {
  return item.id === undefined ? '' : `#${item.id}`;
}

/** "  ↳ Also covered by BBC · Tue 1 Dec, 09:00 UTC · #38" under the story's post. */
function renderAlsoCovered(item: MessageItem): string {
  // No threads in a terminal: the title says which story the line belongs to.
  const line = [`  ↳ Also covered by ${item.source}`, describeDate(item), reference(item)].filter(Boolean).join(' · ');
  return `${line}: ${item.title}${item.url ? `\n    ${item.url}` : ''}`;
}

function renderItem(item: MessageItem): string {
  const topics = item.reason ? '' : item.topics.join(', ');
  const meta = [item.reason, item.source, describeDate(item), topics, regionMarks(item.jurisdictions ?? []), item.note, reference(item)].filter(Boolean).join(' · ');
  return [`• ${item.title}`, item.summary ? `  ${item.summary}` : '', `  ${meta}`, item.url ? `  ${item.url}` : '']
    .filter(Boolean)
    .join('\n');
}
