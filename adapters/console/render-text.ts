import type { ChatMessage, MessageItem } from '../../src/index.js';
import { regionMarks } from '../../src/index.js';

/** Renders a chat message as terminal text (the console adapter's "Block Kit"). */
export function renderText(message: ChatMessage): string {
  const out: string[] = [];
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

function renderItem(item: MessageItem): string {
  const date = item.publishedAt ? item.publishedAt.toISOString().slice(0, 10) : '';
  const meta = [item.source, date, item.topics.join(', '), regionMarks(item.jurisdictions ?? []), item.note].filter(Boolean).join(' · ');
  return [`• ${item.title}`, item.summary ? `  ${item.summary}` : '', `  ${meta}`, item.url ? `  ${item.url}` : '']
    .filter(Boolean)
    .join('\n');
}
