import { describe, expect, it } from 'vitest';
import { resolveTopic, resolveTopicList, topicKey } from '../../src/commands/topic-resolver.js';
import { TEST_TOPICS } from './topics-fixture.js';

describe('resolveTopic', () => {
  it('accepts ids and labels in any case', () => {
    expect(resolveTopic('GDPR', TEST_TOPICS)).toMatchObject({ kind: 'exact', topic: { id: 'gdpr' } });
    expect(resolveTopic('Data breaches & leaks', TEST_TOPICS)).toMatchObject({ kind: 'exact', topic: { id: 'breach' } });
    expect(resolveTopic('us state law', TEST_TOPICS)).toMatchObject({ kind: 'exact', topic: { id: 'us-state-law' } });
    expect(resolveTopic('#ai', TEST_TOPICS)).toMatchObject({ kind: 'exact', topic: { id: 'ai' } });
  });

  it('treats a unique near miss as near (gpdr -> gdpr)', () => {
    expect(resolveTopic('gpdr', TEST_TOPICS)).toEqual({ kind: 'near', topic: TEST_TOPICS[1], typed: 'gpdr' });
    expect(resolveTopic('biometric', TEST_TOPICS)).toMatchObject({ kind: 'near', topic: { id: 'biometrics' } });
    expect(resolveTopic('lawsiut', TEST_TOPICS)).toMatchObject({ kind: 'near', topic: { id: 'lawsuit' } });
  });

  it('reports unknown names, with prefix suggestions when they help', () => {
    expect(resolveTopic('weather', TEST_TOPICS)).toEqual({ kind: 'unknown', typed: 'weather', suggestions: [] });
    expect(resolveTopic('bio', TEST_TOPICS)).toMatchObject({ kind: 'unknown', suggestions: [{ id: 'biometrics' }] });
    expect(resolveTopic('', TEST_TOPICS)).toMatchObject({ kind: 'unknown' });
  });

  it('normalises keys', () => {
    expect(topicKey('AI & automated decisions')).toBe('ai-automated-decisions');
  });
});

describe('resolveTopicList', () => {
  it('matches multi-word labels greedily and single words with near misses', () => {
    const result = resolveTopicList(['ai', 'us', 'state', 'law', 'gpdr', 'weather'], TEST_TOPICS);
    expect(result.resolved.map((entry) => entry.topic.id)).toEqual(['ai', 'us-state-law', 'gdpr']);
    expect(result.resolved[2]?.typed).toBe('gpdr');
    expect(result.unknown.map((entry) => entry.typed)).toEqual(['weather']);
  });

  it('drops duplicates', () => {
    expect(resolveTopicList(['ai', 'AI'], TEST_TOPICS).resolved).toHaveLength(1);
  });
});
