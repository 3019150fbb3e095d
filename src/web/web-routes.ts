import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../server/http-route.js';
import { html } from './html.js';
import { renderPage } from './layout.js';
import { readHomeQuery, renderHomePage } from './home-page.js';
import { loadStory, renderStoryPage } from './story-page.js';
import { renderSourcesPage } from './sources-page.js';
import { createTopicsPage } from './topics-page.js';
import { loadFeedOut, renderJsonFeed, renderRss } from './feeds-out.js';
import { sendBody } from './security-headers.js';
import { ICON_SVG, STYLESHEET } from './styles.js';
import { handleSignIn, handleSignOut, renderSignIn } from './sign-in.js';
import { checkWebAccess, type WebAccess } from '../server/web-access.js';
import type { WebContext } from './web-context.js';

const HTML = 'text/html; charset=utf-8';
const MAX_URL_CHARS = 2_048;

function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://radar.invalid');
}

/** The origin the reader used, for absolute links in feeds; a malformed Host falls back to localhost. */
function requestOrigin(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  const scheme = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${scheme}://${/^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i.test(host) ? host : 'localhost'}`;
}

function sendError(res: ServerResponse, status: number, title: string, message: string): void {
  sendBody(res, status, HTML, renderPage({ title, section: 'none', body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">Latest stories</a></p>` }));
}

/**
 * The web pages and feeds out, mounted on the bot's HTTP server. Every route passes the access
 * rule first; `off` mounts nothing (404). Handlers only read the store.
 */
export function createWebRoutes(context: WebContext, access: WebAccess): HttpRoute[] {
  if (access.mode === 'off') return [];
  const renderTopicsPage = createTopicsPage(context);
  const guarded = (options: { feed?: boolean }, serve: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>) => async (req: IncomingMessage, res: ServerResponse) => {
    if ((req.url ?? '').length > MAX_URL_CHARS) return sendError(res, 414, 'Address too long', 'The address of this request is too long.');
    const url = requestUrl(req);
    // METRICS_TOKEN is deliberately not accepted here: it opens /metrics only.
    const decision = checkWebAccess(req, access, options.feed ? { queryToken: url.searchParams.get('token') } : { session: true });
    if (!decision.allowed) {
      if (decision.status === 401 && !options.feed && (req.headers.accept ?? '').includes('text/html')) {
        return sendBody(res, 401, HTML, renderSignIn(false));
      }
      const hint = decision.status === 401 ? 'Sign in at /signin, or send WEB_TOKEN as "Authorization: Bearer <token>" (feed URLs also take ?token=).' : decision.reason;
      return sendBody(res, decision.status, 'text/plain; charset=utf-8', `${hint}\n`, decision.status === 401 ? { 'www-authenticate': 'Bearer realm="privacy-radar"' } : {});
    }
    await serve(req, res, url);
  };

  const asset = (type: string, body: string) => {
    const send = (_req: IncomingMessage, res: ServerResponse) => sendBody(res, 200, type, body, { 'cache-control': 'public, max-age=3600' });
    return access.mode === 'token' ? send : guarded({}, async (req, res) => send(req, res));
  };

  const routes: HttpRoute[] = [
    {
      method: 'GET',
      path: '/',
      handler: guarded({}, async (_req, res, url) => {
        const query = readHomeQuery(context, url.searchParams);
        if ('error' in query) return sendError(res, 404, 'Not found', query.error);
        sendBody(res, 200, HTML, await renderHomePage(context, query), query.topic ? { link: feedLinks(query.topic) } : {});
      }),
    },
    {
      method: 'GET',
      path: '/stories/*',
      handler: guarded({}, async (_req, res, url) => {
        const match = /^\/stories\/(\d{1,15})$/.exec(url.pathname);
        const items = match ? await loadStory(context, Number(match[1])) : [];
        if (items.length === 0) return sendError(res, 404, 'Story not found', 'This story does not exist or was removed by retention.');
        sendBody(res, 200, HTML, await renderStoryPage(context, items));
      }),
    },
    { method: 'GET', path: '/sources', handler: guarded({}, async (_req, res) => sendBody(res, 200, HTML, await renderSourcesPage(context))) },
    { method: 'GET', path: '/topics', handler: guarded({}, async (_req, res) => sendBody(res, 200, HTML, await renderTopicsPage())) },
    {
      method: 'GET',
      path: '/feeds/*',
      handler: guarded({ feed: true }, async (req, res, url) => {
        const match = /^\/feeds\/([a-z0-9-]{1,64})\.(xml|json)$/.exec(url.pathname);
        const topic = match?.[1] === 'all' ? null : match?.[1];
        if (!match || (topic !== null && !context.topics.some((known) => known.id === topic))) {
          return sendBody(res, 404, 'text/plain; charset=utf-8', 'No such feed. Feeds are /feeds/<topic>.xml, /feeds/<topic>.json and /feeds/all.xml (topics at /topics).\n');
        }
        const feed = await loadFeedOut(context, topic ?? null, requestOrigin(req));
        const json = match[2] === 'json';
        const body = json ? renderJsonFeed(feed, context) : renderRss(feed, context);
        // Feed readers poll: an unchanged feed answers 304 to their If-None-Match.
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
          return;
        }
        sendBody(res, 200, json ? 'application/feed+json; charset=utf-8' : 'application/rss+xml; charset=utf-8', body, { etag, 'cache-control': 'no-cache' });
      }),
    },
    // Styling only, no data. With a token they are open so the sign-in form is styled; in local
    // mode they follow the pages, so a public address does not even reveal what runs there.
    { method: 'GET', path: '/assets/radar.css', handler: asset('text/css; charset=utf-8', STYLESHEET) },
    { method: 'GET', path: '/assets/icon.svg', handler: asset('image/svg+xml', ICON_SVG) },
  ];
  if (access.mode === 'token' && access.token) {
    const token = access.token;
    routes.push(
      { method: 'GET', path: '/signin', handler: (_req, res) => sendBody(res, 200, HTML, renderSignIn(false)) },
      { method: 'POST', path: '/signin', handler: (req, res) => handleSignIn(req, res, token) },
      { method: 'POST', path: '/signout', handler: (_req, res) => handleSignOut(res) },
    );
  }
  return routes;
}

/** The HTTP Link header announcing a topic's feeds. */
function feedLinks(topic: string): string {
  return `</feeds/${topic}.xml>; rel="alternate"; type="application/rss+xml", </feeds/${topic}.json>; rel="alternate"; type="application/feed+json"`;
}
