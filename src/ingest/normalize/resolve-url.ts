/**
 * URL handling for items (docs/ingestion.md R21, R19): relative links resolved against xml:base, the channel
 * link and the final feed URL; only http(s) survives; tracking parameters are removed.
 */

// Parameters that identify a campaign or click, never the resource itself.
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|ref_src|ref_url|at_medium|at_campaign|cmpid|__twitter_impression|spm|oly_enc_id|oly_anon_id|vero_id|wt_mc|s_cid|ncid|sr_share)$/i;

/** Resolves `href` against a chain of bases (innermost first); null unless http(s). */
export function resolveUrl(href: string | null | undefined, ...bases: Array<string | null | undefined>): string | null {
  const value = href?.trim();
  if (!value) return null;
  let base: string | undefined;
  // Resolve the base chain outermost-first, so a relative xml:base is itself resolved.
  for (const candidate of [...bases].reverse()) {
    if (!candidate?.trim()) continue;
    try {
      base = new URL(candidate.trim(), base).href;
    } catch {
      // an unusable base is skipped, not fatal
    }
  }
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const MAYBE_TRACKING = /[?&](utm_|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_|_hs|mkt_tok|igshid|ref_|at_|cmpid|__twitter|spm|oly_|vero_id|wt_mc|s_cid|ncid|sr_share)/i;

/** Removes tracking parameters (utm_* and friends); keeps everything else as published. */
export function stripTracking(href: string): string {
  if (!MAYBE_TRACKING.test(href)) return href; // the common case, without a URL parse
  const url = new URL(href);
  const keys = [...url.searchParams.keys()];
  if (!keys.some((k) => TRACKING.test(k))) return url.href;
  for (const key of keys) if (TRACKING.test(key)) url.searchParams.delete(key);
  return url.href;
}

/** The form of a link used as an identity key: no tracking parameters, no fragment. */
export function canonicalLink(href: string): string {
  const clean = stripTracking(href);
  const hash = clean.indexOf('#');
  return hash < 0 ? clean : clean.slice(0, hash);
}
