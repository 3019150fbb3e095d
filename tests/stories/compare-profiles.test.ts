import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/stories/compare-profiles.js';
import { canonicalLink } from '../../src/stories/canonical-link.js';
import { profileItem, type StoryCandidate } from '../../src/stories/story-profile.js';
import { extractTerms, stemWord } from '../../src/stories/tokenize.js';

const T = new Date('2026-03-02T08:00:00Z');
let nextId = 1;
function item(feedId: string, title: string, summary = '', extra: Partial<StoryCandidate> = {}): StoryCandidate {
  return { id: nextId++, feedId, url: null, title, summary, publishedAt: T, firstSeenAt: T, ...extra };
}
const compare = (a: StoryCandidate, b: StoryCandidate) => compareProfiles(profileItem(a), profileItem(b));

describe('extractTerms', () => {
  it('stems, drops stop words and folds accents', () => {
    expect(extractTerms('The regulator fined Meta; Meta fines and Café').terms).toEqual(['regulator', 'fin', 'meta', 'meta', 'fin', 'caf']);
    expect(stemWord('messages')).toBe(stemWord('message'));
    expect(stemWord('sued')).toBe(stemWord('sues'));
  });

  it('reads figures with units and currencies as one token', () => {
    const { terms, amounts } = extractTerms('Meta fined €1.2 billion; earlier 390 million euros and $5,000,000');
    expect(terms).toEqual(expect.arrayContaining(['1.2bn', '390m', '5000000']));
    expect(amounts).toEqual([
      { value: '1.2bn', currency: 'eur' },
      { value: '390m', currency: 'eur' },
      { value: '5000000', currency: 'usd' },
    ]);
  });

  it('keeps "US" the country apart from the pronoun "us"', () => {
    expect(extractTerms('US sues TikTok').terms).toContain('usa');
    expect(extractTerms('Tell us more').terms).not.toContain('usa');
  });
});

describe('canonicalLink', () => {
  it('ignores scheme, www, fragment and trailing slash but keeps the query', () => {
    expect(canonicalLink('https://www.reuters.com/a/b/#top')).toBe(canonicalLink('http://reuters.com/a/b'));
    expect(canonicalLink('https://site.example/article?id=1')).not.toBe(canonicalLink('https://site.example/article?id=2'));
  });

  it('gives no identity to home pages or junk', () => {
    expect(canonicalLink('https://www.nextgov.com/')).toBeNull();
    expect(canonicalLink('not a url')).toBeNull();
    expect(canonicalLink(null)).toBeNull();
  });
});

describe('compareProfiles', () => {
  const reuters = item('reuters', 'Meta fined record 1.2 billion euros for sending EU user data to US', 'Ireland fined Meta Platforms and ordered it to suspend transfers of Facebook user data.');
  const bbc = item('bbc', 'Facebook owner hit with €1.2bn fine by Irish Data Protection Commission', 'Meta has been fined €1.2bn for transferring European Facebook users data to the US.');

  it('matches the same fine reported by two outlets and says why', () => {
    const result = compare(reuters, bbc);
    expect(result).toMatchObject({ matched: true, reason: 'same_figure' });
    expect(result.terms).toEqual(expect.arrayContaining(['1.2bn', 'meta']));
  });

  it('refuses two different fines against one company', () => {
    const other = item('reuters', 'Meta fined 390 million euros by Irish regulator over personalised ads', 'Meta fined over Facebook ads.');
    expect(compare(reuters, other)).toMatchObject({ matched: false, reason: 'different_figures' });
  });

  it('does not call amounts in two currencies a conflict', () => {
    const usd = item('a', 'UK fines Clearview just under $10M for privacy breaches', 'The ICO fined Clearview AI £7.5 million and ordered deletion of UK residents data from its facial recognition database.');
    const gbp = item('b', 'ICO fines Clearview AI £7.5m and orders deletion of UK residents data', 'Britain fined the facial recognition company Clearview AI over UK residents data.');
    expect(compare(usd, gbp).matched).toBe(true);
  });

  it('matches near-identical headlines', () => {
    const a = item('a', 'EU lawmakers approve landmark AI Act');
    const b = item('b', 'EU lawmakers approve landmark AI Act, in a first');
    expect(compare(a, b)).toMatchObject({ matched: true, reason: 'similar_title' });
  });

  it('never joins items more than three days apart', () => {
    const later = { ...bbc, id: nextId++, publishedAt: new Date(T.getTime() + 4 * 24 * 3600_000) };
    expect(compare(reuters, later)).toMatchObject({ matched: false, reason: 'too_far_apart' });
  });

  it('treats a bill passing and being signed as two stories', () => {
    const passed = item('a', 'House passes Take It Down Act on deepfake images', 'The bill on nonconsensual deepfake images goes to the president.');
    const signed = item('b', 'Trump signs Take It Down Act on deepfake images', 'The law on nonconsensual deepfake images takes effect.');
    expect(compare(passed, signed)).toMatchObject({ matched: false, reason: 'different_stage' });
  });

  it('matches a shared article link across feeds, not within one feed', () => {
    const url = 'https://www.reuters.com/technology/linkedin-fined-2024-10-24/';
    const a = item('reuters', 'LinkedIn fined', '', { url });
    const b = item('aggregator', 'Something else entirely', '', { url: url.replace('www.', '') });
    const c = item('reuters', 'Another story', '', { url });
    expect(compare(a, b)).toMatchObject({ matched: true, reason: 'same_link' });
    expect(compare(a, c).matched).toBe(false);
  });

  it('does not match unrelated items on the same topic', () => {
    const a = item('a', 'Texas sues GM for selling drivers data to insurers', 'Ken Paxton alleges General Motors sold driving data.');
    const b = item('b', 'Texas sues Google over facial and voice data', 'Ken Paxton says Google Photos captured biometric identifiers.');
    expect(compare(a, b).matched).toBe(false);
  });
});
