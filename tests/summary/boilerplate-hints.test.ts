import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES, removeBoilerplate } from '../../src/summary/boilerplate.js';

// Boilerplate as publishers write it, in other cases too (the patterns fold case; ſ folds to s
// and the Kelvin sign to k under /iu), each around some real text.
const SAMPLES = [
  'Photo by Jane Doe/Getty Images.',
  'PICTURES: John Roe via Shutterstock',
  'Illustration credit by Ann Lee for Reuters.',
  'image: staff / ISTOCKPHOTO',
  'Getty Images via AFP.',
  'Source: Unsplash',
  'Alamy',
  'ſhutterſtock',
  'see https://example.org/report?utm_source=x for more',
  'HTTP://EXAMPLE.ORG/a',
  'submitted by /u/someone to /r/privacy [link] [12 comments]',
  'SUBMITTED BY u/x',
  'www.example.org/page?ref=1&utm_medium=rss',
  'Share this: Twitter, Facebook.',
  'share on LinkedIn',
  'Follow us on Mastodon for updates.',
  'Subscribe to our newsletter today.',
  'Sign up for the newsletter',
  'ſign up for the newsletter',
  'The fine was upheld. Continue reading →',
  'The fine was upheld. Read More »',
  'The fine was upheld. Read the full story…',
  'Keep reading...',
  'Click here to read more',
  'Weiterlesen',
  'Related: fines, GDPR, cookies',
  'Tags: privacy',
  'Filed under : Europe',
  'Comments: 4',
];

describe('boilerplate hints', () => {
  const rules = [...BOILERPLATE_RULES.anywhere, ...BOILERPLATE_RULES.trailing];

  it('admit everything their pattern matches, so skipping a replace never changes a summary', () => {
    for (const rule of rules.filter((r) => r.hint)) {
      const matched = SAMPLES.filter((sample) => sample.match(rule.pattern) !== null);
      expect(matched.length, `no sample exercises ${rule.pattern}`).toBeGreaterThan(0);
      for (const sample of matched) expect(rule.hint!.test(sample), `${rule.hint} misses "${sample}"`).toBe(true);
    }
  });

  it('still removes each kind, around real text', () => {
    expect(removeBoilerplate('Regulators fined the firm. Photo by Jane Doe/Getty Images. More text follows.')).toBe('Regulators fined the firm. More text follows.');
    expect(removeBoilerplate('The fine was upheld. Subscribe to our newsletter today. Read More »')).toBe('The fine was upheld.');
    expect(removeBoilerplate('See https://example.org/x?utm_source=a now.')).toBe('See now.');
  });
});
