import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { feedsFromOpml, feedsToOpml, slugId } from '../../src/config/opml.js';

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Reader export</title></head><body>
  <outline text="Regulators">
    <outline text="EDPB" title="European Data Protection Board" type="rss" xmlUrl="https://www.edpb.europa.eu/feed/news_en"/>
    <outline text="CNIL" type="rss" xmlUrl="https://www.cnil.fr/en/rss.xml"/>
  </outline>
  <outline text="EFF Deeplinks" xmlUrl="https://www.eff.org/rss/updates.xml"/>
  <outline text="Gopher" xmlUrl="gopher://example.org/feed"/>
  <outline text="CNIL" xmlUrl="https://www.cnil.fr/fr/rss.xml"/>
</body></opml>`;

describe('OPML import and export', () => {
  it('imports nested outlines, skips configured URLs and non-http ones, and keeps ids unique', () => {
    const existing = [{ id: 'eff', url: 'https://www.eff.org/rss/updates.xml' }];
    const { added, skipped } = feedsFromOpml(OPML, existing);
    expect(added).toEqual([
      { id: 'european-data-protection-board', url: 'https://www.edpb.europa.eu/feed/news_en', name: 'European Data Protection Board' },
      { id: 'cnil', url: 'https://www.cnil.fr/en/rss.xml', name: 'CNIL' },
      { id: 'cnil-2', url: 'https://www.cnil.fr/fr/rss.xml', name: 'CNIL' },
    ]);
    expect(skipped).toEqual(['https://www.eff.org/rss/updates.xml (already configured)', 'gopher://example.org/feed (expected an http(s) URL)']);
  });

  it('exports what it imports', () => {
    const feeds = [
      { id: 'bbc-technology', name: 'BBC News Technology', url: 'https://feeds.bbci.co.uk/news/technology/rss.xml' },
      { id: 'noyb', url: 'https://noyb.eu/en/rss.xml' },
    ];
    const { added } = feedsFromOpml(feedsToOpml(feeds), []);
    expect(added.map((f) => f.url)).toEqual(feeds.map((f) => f.url));
    expect(added.map((f) => f.name)).toEqual(['BBC News Technology', 'noyb']);
  });

  it('names the file when the document is not OPML', () => {
    expect(() => feedsFromOpml('<rss><channel/></rss', [], 'subscriptions.opml')).toThrow(ConfigError);
  });

  it('makes ids from titles', () => {
    expect(slugId('Privacy at Fordham University!')).toBe('privacy-at-fordham-university');
    expect(slugId('Café  Ünïcode — news')).toBe('cafe-unicode-news');
    expect(slugId('***')).toBe('feed');
  });
});
