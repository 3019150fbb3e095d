import { describe, expect, it } from 'vitest';
import { cleanSummarySource, summarize } from '../../src/summary/summarize.js';
import { splitSentences } from '../../src/summary/split-sentences.js';
import { summaryViolations } from './summary-rules.js';

function check(input: { title: string; description?: string; content?: string }): string {
  const summary = summarize(input);
  expect(summaryViolations(summary, [cleanSummarySource(input.description), cleanSummarySource(input.content)])).toEqual([]);
  return summary;
}

describe('summarize', () => {
  it.each([
    ['strips HTML and decodes entities', { title: 'T', description: '<p>The FTC&#8217;s <b>order</b> bans the sale &amp; sharing of data.</p>' }, 'The FTC’s order bans the sale & sharing of data.'],
    ['removes "The post X appeared first on Y"', { title: 'T', description: 'Regulators fined the firm. <p>The post Regulators fine firm appeared first on Privacy Blog.</p>' }, 'Regulators fined the firm.'],
    ['removes "Continue reading"', { title: 'T', description: 'The agency opened an inquiry. Continue reading →' }, 'The agency opened an inquiry.'],
    ['removes "Read more" and a trailing […]', { title: 'T', description: 'The bill passed the Senate on Tuesday. Read more [&#8230;]' }, 'The bill passed the Senate on Tuesday.'],
    ['removes a leading byline', { title: 'T', description: 'By Jane Doe | The court ruled for the plaintiffs.' }, 'The court ruled for the plaintiffs.'],
    ['removes a byline with a source and a dash', { title: 'T', description: 'By Jane Doe and John Roe, Reuters — The court ruled for the plaintiffs.' }, 'The court ruled for the plaintiffs.'],
    ['removes image credits', { title: 'T', description: 'Police deployed drones (Photo: Getty Images). Photo by Ann Lee on Unsplash' }, 'Police deployed drones.'],
    ['removes tracking URLs', { title: 'T', description: 'The report is out https://example.com/r?utm_source=rss&utm_medium=feed now.' }, 'The report is out now.'],
    ['removes aggregator footers', { title: 'T', description: 'A new tracker study. submitted by /u/someone to /r/privacy [link] [12 comments]' }, 'A new tracker study.'],
    ['keeps abbreviations inside a sentence', { title: 'T', description: 'The U.S. Department of Health and Human Services fined Acme Inc. over a breach. It will appeal. More follows here.' }, 'The U.S. Department of Health and Human Services fined Acme Inc. over a breach. It will appeal.'],
    ['falls back to the content lead when the description repeats the title', { title: 'EU fines Meta', description: 'EU fines Meta', content: '<p>The Irish regulator fined Meta €1.2bn. It must stop transfers.</p>' }, 'The Irish regulator fined Meta €1.2bn. It must stop transfers.'],
    ['falls back when the description is the title plus a source name', { title: 'EU fines Meta', description: 'EU fines Meta - Reuters', content: 'Meta must suspend transfers within five months.' }, 'Meta must suspend transfers within five months.'],
    ['skips a first sentence that repeats the title', { title: 'EU fines Meta', description: 'EU fines Meta. The fine is the largest so far.' }, 'The fine is the largest so far.'],
    ['drops a word the source cut before its ellipsis', { title: 'T', description: 'The data supervisor still relies on Lotus Notes to manage complaints and inve…' }, 'The data supervisor still relies on Lotus Notes to manage complaints and…'],
    ['keeps a short fragment as it is', { title: 'T', description: 'Weekly privacy roundup' }, 'Weekly privacy roundup'],
  ])('%s', (_name, input, expected) => {
    expect(check(input)).toBe(expected);
  });

  it('uses one sentence when the first is long, two when it is short', () => {
    const long = `${'The regulator said that '.repeat(6)}it fined the company.`;
    expect(check({ title: 'T', description: `${long} Second sentence.` })).toBe(long);
    expect(check({ title: 'T', description: 'Short first. Short second. Third.' })).toBe('Short first. Short second.');
  });

  it('never exceeds 280 characters or cuts inside a word', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const summary = check({ title: 'T', description: `${words}.` });
    expect(summary.length).toBeLessThanOrEqual(280);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.slice(0, -1)).toMatch(/word\d+$/);
  });

  it('drops the last word of a long unpunctuated fragment (cut by the feed)', () => {
    const text = 'Spacious unit with large windows and a modern kitchen that was recently remodeled by the owners with care and kitche';
    expect(check({ title: 'T', description: text })).toBe(`${text.slice(0, text.lastIndexOf(' '))}…`);
  });

  it('returns an empty summary when there is nothing beyond the title', () => {
    expect(summarize({ title: 'Only a title' })).toBe('');
    expect(summarize({ title: 'Only a title', description: 'Only a title' })).toBe('');
    expect(summarize({ title: 'T', description: '<img src="x.png">' })).toBe('');
  });

  it('is deterministic', () => {
    const input = { title: 'T', description: 'One. Two. Three.' };
    expect(summarize(input)).toBe(summarize(input));
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations or initials', () => {
    expect(splitSentences('Mr. Smith went to Washington. He met Dr. J. Doe of the U.K. team. “Good,” he said.')).toEqual([
      'Mr. Smith went to Washington.',
      'He met Dr. J. Doe of the U.K. team.',
      '“Good,” he said.',
    ]);
  });
});

describe('the summary rule checker used by the corpus test', () => {
  it('catches each kind of violation', () => {
    const source = 'The regulator fined the company. It will appeal the decision.';
    expect(summaryViolations('The regulator fined the company.', [source])).toEqual([]);
    expect(summaryViolations('The regulator fined the comp…', [source])).toEqual([expect.stringContaining('word boundary')]);
    expect(summaryViolations('<b>The</b> regulator', ['<b>The</b> regulator'])).toContain('contains an HTML tag');
    expect(summaryViolations('Fined &amp; ordered', ['Fined &amp; ordered'])).toContain('contains an HTML entity');
    expect(summaryViolations('Read more', ['Read more'])).toContain('contains boilerplate or tracking junk');
    expect(summaryViolations('One. Two. Three.', ['One. Two. Three.'])).toContain('has 3 sentences');
    expect(summaryViolations('x'.repeat(281), ['x'.repeat(281)])).toContain('longer than 280 characters (281)');
  });
});
