/**
 * A topic's definition as people read it. Definitions are written for the tagger and some of
 * their sentences are labelling rules ("The text must explicitly refer to minors ...", "A
 * government lawsuit is both enforcement and lawsuit."); a reader wants what the topic covers.
 */

// Sentences that tell the tagger how to label rather than tell a reader what a topic covers.
const RULE_SENTENCE = /^(The text must|The item must|An? [^.]* is both|Not |Excludes?\b|Only when\b)/i;
// "The legal frame is X" is the rule form of "News under X".
const FRAME = /^The legal frame is\s+/i;

/** The definition without its labelling rules, e.g. "News under the GDPR or UK GDPR, ...". */
export function describeTopicForReaders(definition: string): string {
  const sentences = definition.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [definition];
  const kept = sentences
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence && !RULE_SENTENCE.test(sentence))
    .map((sentence) => sentence.replace(FRAME, 'News under '));
  return kept.join(' ');
}
