import type { ChatMessage } from '../chat/message.js';

/** A digest as plain text for the terminal (`privacy-radar digest --preview`). */
export function formatDigestText(message: ChatMessage): string {
  const out: string[] = [];
  if (message.title) out.push(message.title, '='.repeat(message.title.length));
  out.push(...(message.lines ?? []));
  for (const section of message.sections ?? []) {
    out.push('', section.heading);
    for (const item of section.items) {
      const meta = [item.source, item.note].filter(Boolean).join(', ');
      out.push(`  • ${item.title}${meta ? ` (${meta})` : ''}${item.url ? `\n    ${item.url}` : ''}`);
    }
    if (section.more) out.push(`  ${section.more}`);
  }
  if (message.footer) out.push('', message.footer);
  return out.join('\n');
}
