/**
 * Adaptive Card 1.5 validation with Microsoft's own `adaptivecards` parser (its UMD build, the
 * ESM build does not load in Node): parse events and property validation must both be empty.
 */
import { createRequire } from 'node:module';

interface AcEvent { message: string }
interface AcModule {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: AcEvent[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): AcEvent };
  Versions: { v1_5: unknown };
}

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AcModule;

/** Problems the parser finds in a card, plus our own checks (version, links). Empty = valid. */
export function cardProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  if (card.version !== '1.5') problems.push(`version ${String(card.version)} is not 1.5`);
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const json = JSON.stringify(card);
  for (const match of json.matchAll(/"url":"([^"]*)"/g)) {
    if (!/^https?:\/\//.test(match[1] ?? '')) problems.push(`non-http url ${match[1]}`);
  }
  for (const match of json.matchAll(/\]\(([^)]*)\)/g)) {
    if (!/^https?:\/\//.test(match[1] ?? '')) problems.push(`non-http markdown link ${match[1]}`);
  }
  return problems;
}
