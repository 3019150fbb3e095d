import { describe, expect, it } from 'vitest';
import { evaluateTagging, formatTaggingScores } from '../../src/tagging/evaluate-tagging.js';
import { formatTopicsText, listTopics } from '../../src/tagging/format-topics.js';
import { parseLabelledItems } from '../../src/tagging/labelled-items.js';
import { tagJsonLines } from '../../src/tagging/tag-json-lines.js';
import { createTagger } from '../../src/tagging/tagger.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';

const tagger = createTagger(defaultTopics());

describe('tagJsonLines (core of `privacy-radar tag`)', () => {
  it('writes one line per input line, errors in place, and carries on', () => {
    const input = [
      JSON.stringify({ title: 'FTC fines data broker for selling location data', link: 'https://example.com/a' }),
      '{"title": broken',
      JSON.stringify({ title: 42 }),
      '',
      JSON.stringify({ title: 'Weather', description: null }),
      JSON.stringify([1, 2]),
      JSON.stringify({ title: 'x', content: 7 }),
    ].join('\n');
    const out = tagJsonLines(input, tagger).map((line) => JSON.parse(line));
    expect(out).toHaveLength(6);
    expect(out[0].topics).toEqual(expect.arrayContaining(['data-brokers', 'enforcement']));
    expect(Object.keys(out[0])).toEqual(['topics', 'why', 'jurisdictions', 'jurisdictionWhy']);
    expect(out[0]).toMatchObject({ jurisdictions: ['us'], jurisdictionWhy: { us: ['FTC'] } });
    expect(out[1]).toEqual({ error: 'line 2: not valid JSON' });
    expect(out[2]).toEqual({ error: 'line 3: "title" must be a string' });
    expect(out[3]).toEqual({ topics: [], why: {}, jurisdictions: [], jurisdictionWhy: {} });
    expect(out[4].error).toMatch(/^line 6: expected a JSON object/);
    expect(out[5]).toEqual({ error: 'line 7: "content" must be a string when present' });
  });
});

describe('topics listing', () => {
  it('lists id, label and definition for each topic', () => {
    const list = listTopics(defaultTopics());
    expect(list).toHaveLength(17);
    expect(Object.keys(list[0]!)).toEqual(['id', 'label', 'definition']);
    const text = formatTopicsText(defaultTopics());
    expect(text).toContain('data-brokers  Data brokers & data sales');
    expect(text.split('\n')).toHaveLength(34);
  });
});

describe('evaluation', () => {
  it('computes per-topic, micro and macro scores', () => {
    const scores = evaluateTagging(
      [
        { gold: ['ai', 'gdpr'], predicted: ['ai'] },
        { gold: [], predicted: ['gdpr'] },
        { gold: ['breach'], predicted: ['breach'] },
      ],
      ['ai', 'gdpr', 'breach', 'health'],
    );
    const by = Object.fromEntries(scores.perTopic.map((s) => [s.topic, s]));
    expect(by.ai).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(by.gdpr).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(scores.microF1).toBeCloseTo((2 * (2 / 3) * (2 / 3)) / (4 / 3));
    expect(scores.macroF1).toBeCloseTo(2 / 3); // health has no gold and no predictions: not averaged
    expect(formatTaggingScores(scores)).toMatch(/micro-F1: 0\.667\nmacro-F1: 0\.667$/);
  });

  it('prints jurisdiction scores with their axis named on every summary line', () => {
    const scores = evaluateTagging([{ gold: ['us'], predicted: ['us', 'eu'] }], ['us', 'eu', 'uk', 'apac', 'intl']);
    const text = formatTaggingScores(scores, 'jurisdiction');
    expect(text.split('\n')[0]).toMatch(/^jurisdiction\s+P\s+R\s+F1/);
    expect(text).toMatch(/\njurisdictions items: 1\njurisdictions micro-F1: 0\.667\njurisdictions macro-F1: 0\.500$/);
  });

  it('reads jurisdiction labels when a line has them, and names a malformed one', () => {
    const parsed = parseLabelledItems('{"title":"a","topics":[],"jurisdictions":["us"]}\n{"title":"b","topics":[]}');
    expect(parsed.ok && parsed.items.map((i) => i.jurisdictions)).toEqual([['us'], undefined]);
    expect(parseLabelledItems('{"title":"a","topics":[],"jurisdictions":"us"}')).toEqual({
      ok: false,
      error: 'line 1: "jurisdictions" must be an array when present, e.g. ["us", "eu"]',
    });
  });

  it('reads labelled lines and names a bad line', () => {
    expect(parseLabelledItems('{"title":"a","topics":["ai"]}\n\n').ok).toBe(true);
    expect(parseLabelledItems('{"title":"a"}')).toEqual({ ok: false, error: 'line 1: expected an object with "title" (string) and "topics" (array)' });
  });
});
