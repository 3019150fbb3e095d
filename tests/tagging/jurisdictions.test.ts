import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/tagging/tagger.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';

const tagger = createTagger(defaultTopics());

describe('jurisdiction tags and their explanations', () => {
  it('names the phrases behind each jurisdiction, as written in the text', () => {
    const result = tagger.tag({
      title: 'FTC and the UK Information Commissioner open parallel probes into fitness app',
      description: 'The U.S. agency said the app shared location data.',
    });
    expect(result.jurisdictions).toEqual(['uk', 'us']);
    expect(result.jurisdictionWhy).toEqual({ uk: ['UK Information Commissioner'], us: ['FTC', 'U.S.'] });
  });

  it('lists jurisdictions sorted by id with one explanation each', () => {
    const result = tagger.tag({ title: 'Japan and France sign a data protection cooperation pact', description: 'Tokyo and Paris regulators will share privacy complaints.' });
    expect(result.jurisdictions).toEqual(['apac', 'eu']);
    expect(Object.keys(result.jurisdictionWhy)).toEqual(result.jurisdictions);
    expect(result.jurisdictionWhy.apac).toContain('Japan');
    expect(result.jurisdictionWhy.eu).toContain('France');
  });

  it('gives no jurisdiction to news that is not about privacy, even when it names a place', () => {
    const result = tagger.tag({ title: 'Texas ranchers brace for a dry summer', description: 'Cattle prices in the United States keep rising.' });
    expect(result).toMatchObject({ topics: [], jurisdictions: [], jurisdictionWhy: {} });
  });

  it('gives none when privacy news names no place, regulator or law of one', () => {
    const result = tagger.tag({ title: 'Hackers stole customer data from a shoe retailer', description: 'Names and card numbers were taken.' });
    expect(result.topics).toContain('breach');
    expect(result).toMatchObject({ jurisdictions: [], jurisdictionWhy: {} });
  });
});
