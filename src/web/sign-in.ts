import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from './html.js';
import { renderPage } from './layout.js';
import { sendBody } from './security-headers.js';
import { SESSION_COOKIE, sameSecret, sessionValue } from '../server/web-access.js';

const MAX_FORM_BYTES = 4_096;
const SESSION_DAYS = 30;

/** The sign-in form (token mode); `failed` adds the error line. */
export function renderSignIn(failed: boolean): string {
  const body = html`<h1>Sign in</h1>
<form class="signin" method="post" action="/signin">
${failed ? html`<p class="error" role="alert">That token is not right.</p>` : ''}
<label for="token">Web token (WEB_TOKEN)</label>
<input id="token" name="token" type="password" autocomplete="current-password" required maxlength="512">
<button type="submit">Sign in</button>
</form>
<p class="note">The operator of this bot set the token. The sign-in lasts ${SESSION_DAYS} days on this browser.</p>`;
  return renderPage({ title: 'Sign in', section: 'none', body });
}

/** Reads a urlencoded form, at most MAX_FORM_BYTES (null when larger). */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** POST /signin: a right token sets the session cookie and goes to `/`; a wrong one shows the form again (401). */
export async function handleSignIn(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  const form = await readForm(req);
  if (!form) return sendBody(res, 413, 'text/plain; charset=utf-8', 'form too large\n');
  const presented = form.get('token') ?? '';
  if (!sameSecret(presented, token)) return sendBody(res, 401, 'text/html; charset=utf-8', renderSignIn(true));
  // Secure only when the request came over TLS (directly or, as a proxy says, at the edge):
  // browsers drop Secure cookies set over plain http on non-local hosts.
  const secure = (req.socket as { encrypted?: boolean }).encrypted || req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  res.writeHead(303, {
    location: '/',
    'set-cookie': `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_DAYS * 86_400}${secure}`,
    'cache-control': 'no-store',
  });
  res.end();
}

/** POST /signout: clears the session cookie. */
export function handleSignOut(res: ServerResponse): void {
  res.writeHead(303, { location: '/signin', 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`, 'cache-control': 'no-store' });
  res.end();
}
