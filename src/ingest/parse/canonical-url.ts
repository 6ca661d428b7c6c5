import { ParseError } from './parse-error.js';

// Parameters that only say where a click came from; two URLs differing in them are one article.
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|twclid|ttclid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|cmpid|ocid|ref_src|ref_url|s_cid|at_medium|at_campaign|rss|sr_share|smid|xtor)$/i;

/** One spelling per article URL: lowercase host, no default port, fragment or tracking params, sorted query, no trailing slash. Throws `ParseError('bad-url')`. */
export function canonicalizeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new ParseError('bad-url', url, `"${url}" is not an absolute URL; check the link.`);
  }
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  kept.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.href.replace(/\?$/, '');
}
