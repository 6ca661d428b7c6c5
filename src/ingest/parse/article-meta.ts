// Metadata read from a page's head before Readability rewrites the DOM.

import { headline, type Doc } from './chrome.js';

export interface ArticleMeta {
  title: string | null;
  /** From the page's metadata only (meta tags, JSON-LD); see `headlineTime` for the page's <time>. */
  published: string | null;
  /** og:description, twitter:description or the meta description: the page's own summary. */
  description: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
}

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const v = doc.querySelector(`meta[${attr}="${key}" i]`)?.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const t = Date.parse(raw.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Every object in the page's JSON-LD blocks, flattening arrays and @graph. */
function jsonLdObjects(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the other sources of metadata still apply.
    }
  }
  return out;
}

function ldString(objects: Record<string, unknown>[], pick: (o: Record<string, unknown>) => unknown): string | null {
  for (const o of objects) {
    const v = pick(o);
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

/** Title, published date, summary, site name and canonical URL from meta tags, JSON-LD and <link rel=canonical>. */
export function readArticleMeta(doc: Doc, url: string): ArticleMeta {
  const ld = jsonLdObjects(doc);
  const published =
    isoDate(meta(doc, 'article:published_time', 'og:published_time', 'og:article:published_time', 'datePublished')) ??
    isoDate(ldString(ld, (o) => o.datePublished)) ??
    isoDate(meta(doc, 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date'));
  const publisher = ld.map((o) => o.publisher).find((p) => p && typeof p === 'object') as Record<string, unknown> | undefined;
  return {
    title: meta(doc, 'og:title', 'twitter:title') ?? ldString(ld, (o) => o.headline),
    published,
    description: meta(doc, 'og:description', 'twitter:description', 'description'),
    siteName: meta(doc, 'og:site_name', 'application-name') ?? (typeof publisher?.name === 'string' ? publisher.name : null),
    canonicalUrl:
      absolute(doc.querySelector('link[rel="canonical" i]')?.getAttribute('href'), url) ?? absolute(meta(doc, 'og:url'), url),
  };
}

/**
 * The date of the page's own <time datetime>, for a page whose metadata gives none. Read after
 * the chrome is stripped, so never a date of a consent box or newsletter: the first <time> after
 * the headline, else the first in the article or main element, else the first in the page.
 */
export function headlineTime(doc: Doc): string | null {
  const h1 = headline(doc);
  const marks = Array.from(doc.querySelectorAll('h1, time[datetime]'));
  const dated = (from: number) => marks.slice(from).map((el) => (el.tagName === 'TIME' ? isoDate(el.getAttribute('datetime')) : null)).find(Boolean);
  return (
    (h1 && marks.includes(h1) ? dated(marks.indexOf(h1) + 1) : null) ??
    isoDate(doc.querySelector('article time[datetime], main time[datetime]')?.getAttribute('datetime')) ??
    dated(0) ??
    null
  );
}
