import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody } from '../../src/ingest/http/decode-charset.js';
import { parseFeed } from '../../src/ingest/parse/parse-feed.js';
import { fixture } from './feed-server.js';

const parseFixture = (name: string, contentType?: string) => {
  const result = parseFeed(decodeBody(fixture(name), contentType).text, 'https://example.org/feed');
  if (result.status !== 'ok') throw new Error(`${name}: ${result.message}`);
  return result;
};

describe('charset detection order (R13)', () => {
  it('declared windows-1251 yields Cyrillic text', () => {
    const feed = parseFixture('miniflux__encoding_WINDOWS-1251.xml');
    expect(feed.items[0]!.title).toBe('Цитата #17703');
    expect(JSON.stringify(feed)).not.toContain('\uFFFD');
  });

  it('valid UTF-8 wins over a prolog that says ISO-8859-1', () => {
    const decoded = decodeBody(fixture('miniflux__utf8-incorrect-prolog.xml'));
    expect(decoded.charset).toBe('utf-8');
    expect(parseFixture('miniflux__utf8-incorrect-prolog.xml').items[0]!.title).toBe('Café');
  });

  it('valid UTF-8 wins over a prolog that says windows-1252 (Euro sign)', () => {
    expect(parseFixture('miniflux__windows-1252-incorrect-prolog.xml').title).toBe('Euro €');
  });

  it('the UTF-16LE BOM file decodes and parses', () => {
    const decoded = decodeBody(fixture('feedparser__utf-16le-bom.xml'));
    expect(decoded.charset).toBe('utf-16le');
    expect(decoded.text).toContain('<rss>');
    expect(parseFeed(decoded.text, 'https://example.org/').status).toBe('ok');
  });

  it('no declaration and invalid UTF-8 falls back to windows-1252', () => {
    const decoded = decodeBody(fixture('miniflux__no_encoding_ISO-8859-1.xml'));
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.text).toMatch(/é/);
  });

  it('ISO-8859-1 declared in the XML prolog is honoured (uolNoticias has none: sniffed)', () => {
    expect(parseFixture('feed-rs__rss_2.0_encoding_1.xml').items[0]!.title).toMatch(/^Revolução nas telas com pontos quânticos/);
    expect(parseFixture('rss-parser__uolNoticias.rss').items.some((i) => /ã|é|ç/.test(i.title))).toBe(true);
  });

  it('the HTTP charset comes before the XML declaration', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><title>'), Buffer.from([0xc1, 0xe2]), Buffer.from('</title></channel></rss>')]);
    expect(decodeBody(bytes, 'application/rss+xml; charset=windows-1251').text).toContain('Бв');
    expect(decodeBody(bytes).text).toContain('Áâ');
  });

  it('a UTF-8 BOM beats a contradicting HTTP charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>Café</rss>')]);
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1').text).toBe('<rss>Café</rss>');
  });

  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetFromContentType('text/xml; Charset="UTF-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/xml')).toBeNull();
  });
});
