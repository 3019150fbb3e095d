import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SampleItem } from './sample-items.js';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Published extends SampleItem {
  id: number;
  at: Date;
}

/** Serves the demo's three feeds on loopback as RSS 2.0, Atom 1.0 and JSON Feed 1.1. */
export async function startSampleFeedServer(backlog: SampleItem[]) {
  const items: Published[] = [];
  let nextId = 1;
  const publish = (item: SampleItem, at = new Date()) => items.push({ ...item, id: nextId++, at });
  backlog.forEach((item, i) => publish(item, new Date(Date.now() - (backlog.length - i) * 3_600_000)));

  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const of = (feed: SampleItem['feed']) => items.filter((i) => i.feed === feed).reverse();
    const link = (i: Published) => `${base}/articles/${i.id}`;
    if (req.url === '/regulator.xml') {
      const body = of('demo-regulator')
        .map((i) => `<item><title>${escapeXml(i.title)}</title><link>${link(i)}</link><guid>${link(i)}</guid><pubDate>${i.at.toUTCString()}</pubDate><description>${escapeXml(i.description)}</description></item>`)
        .join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Demo Data Protection Authority</title><link>${base}/</link>${body}</channel></rss>`);
    } else if (req.url === '/newsroom.atom') {
      const body = of('demo-newsroom')
        .map((i) => `<entry><id>urn:demo:${i.id}</id><title>${escapeXml(i.title)}</title><link href="${link(i)}"/><updated>${i.at.toISOString()}</updated><summary>${escapeXml(i.description)}</summary></entry>`)
        .join('');
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Demo Newsroom</title><id>urn:demo:newsroom</id><updated>${new Date().toISOString()}</updated>${body}</feed>`);
    } else if (req.url === '/blog.json') {
      res.writeHead(200, { 'content-type': 'application/feed+json' });
      res.end(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Demo University Privacy Blog',
          items: of('demo-blog').map((i) => ({ id: String(i.id), url: link(i), title: i.title, summary: i.description, date_published: i.at.toISOString() })),
        }),
      );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    feeds: [
      { id: 'demo-regulator', name: 'Demo Data Protection Authority', url: `${base}/regulator.xml` },
      { id: 'demo-newsroom', name: 'Demo Newsroom', url: `${base}/newsroom.atom` },
      { id: 'demo-blog', name: 'Demo University Privacy Blog', url: `${base}/blog.json` },
    ],
    publish: (item: SampleItem) => publish(item),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
