import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/tagging/tagger.js';
import { applyTopicOverrides, defaultTopics } from '../../src/tagging/taxonomy.js';
import { topicOverridesSchema } from '../../src/tagging/topic-config.js';

const IDS = [
  'ai', 'gdpr', 'us-state-law', 'legislation', 'enforcement', 'lawsuit', 'breach', 'security', 'surveillance',
  'biometrics', 'children', 'education', 'health', 'employment', 'adtech', 'data-brokers', 'transfers',
];

describe('defaultTopics', () => {
  it('has the 17 topics of docs/tagging.md in order, each with label, definition and evidence', () => {
    const topics = defaultTopics();
    expect(topics.map((t) => t.id)).toEqual(IDS);
    for (const t of topics) {
      expect(t.label.length).toBeGreaterThan(2);
      expect(t.definition.length).toBeGreaterThan(20);
      expect(t.phrases.length + t.rules.length).toBeGreaterThan(0);
    }
  });

  it('returns fresh copies, so a caller cannot change the built-ins', () => {
    const first = defaultTopics();
    first[0]!.phrases.push('zzz');
    first[0]!.label = 'changed';
    expect(defaultTopics()[0]!.label).not.toBe('changed');
    expect(defaultTopics()[0]!.phrases).not.toContain('zzz');
  });
});

describe('applyTopicOverrides', () => {
  it('adds a user topic that the tagger then assigns with its phrase as explanation', () => {
    const topics = applyTopicOverrides(defaultTopics(), [{ id: 'telecom', label: 'Telecoms', phrases: ['robocall{,s}', 'TCPA'] }]);
    expect(topics.at(-1)).toMatchObject({ id: 'telecom', label: 'Telecoms', rules: [] });
    const result = createTagger(topics).tag({ title: 'Carrier blocks robocalls under TCPA rules' });
    expect(result.topics).toContain('telecom');
    expect(result.why.telecom).toEqual(['robocalls', 'TCPA']);
  });

  it('changes a built-in label and adds phrases and exclusions to it', () => {
    const topics = applyTopicOverrides(defaultTopics(), [
      { id: 'ai', label: 'Artificial intelligence', phrases: ['foundation model{,s}'], exclude: ['AI Act Conference'] },
    ]);
    const ai = topics.find((t) => t.id === 'ai')!;
    expect(ai.label).toBe('Artificial intelligence');
    const tagger = createTagger(topics);
    expect(tagger.tag({ title: 'Foundation models face new duties' }).topics).toContain('ai');
    expect(tagger.tag({ title: 'Tickets for the AI Act Conference on sale' }).topics).not.toContain('ai');
    // The base list is untouched.
    expect(defaultTopics().find((t) => t.id === 'ai')!.label).toBe('AI & automated decisions');
  });

  it('rejects a new topic without phrases with a message naming it', () => {
    expect(() => applyTopicOverrides(defaultTopics(), [{ id: 'mystery', label: 'Mystery' }])).toThrow(/topic "mystery" is new.*phrases/);
  });
});

describe('topicOverridesSchema', () => {
  const problems = (value: unknown): string[] => {
    const r = topicOverridesSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a valid list', () => {
    expect(problems([{ id: 'ai-act', label: 'AI Act', phrases: ['AI Act'], exclude: ['x'], definition: 'd' }])).toEqual([]);
  });

  it.each([
    [[{ id: 'Bad Id' }], '0.id: topic id must use lowercase letters, digits and single dashes'],
    [[{ id: 'x', colour: 'red' }], '0: unknown topic field(s): colour'],
    [[{ id: 'x', phrases: [''] }], '0.phrases.0: phrases entries must not be empty'],
    [[{ id: 'x', phrases: 'ai' }], '0.phrases: phrases must be a list of strings'],
    [[{ id: 'a', phrases: ['p'] }, { id: 'a', phrases: ['q'] }], '1.id: duplicate topic id "a"'],
    [{ id: 'a' }, ': topics must be a list of topic objects'],
  ])('rejects %j with a clear message', (value, message) => {
    expect(problems(value).join('\n')).toContain(message);
  });
});
