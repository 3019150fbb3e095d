/** Expands `{a,b}` alternatives in a phrase: "hack{,ed,ers}" → hack, hacked, hackers. */
export function expandPhrase(phrase: string): string[] {
  const open = phrase.indexOf('{');
  if (open < 0) return [phrase];
  const close = phrase.indexOf('}', open);
  if (close < 0) return [phrase];
  const head = phrase.slice(0, open);
  const options = phrase.slice(open + 1, close).split(',');
  const tails = expandPhrase(phrase.slice(close + 1));
  return options.flatMap((option) => tails.map((tail) => `${head}${option}${tail}`));
}
