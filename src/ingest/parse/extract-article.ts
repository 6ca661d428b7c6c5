import { leadCandidates, restoreLead, withDescription } from './article-lead.js';
import { headlineTime, readArticleMeta } from './article-meta.js';
import { stripBylines, stripChrome } from './chrome.js';
import { parseHTML, readabilityClass } from './dom.js';
import { htmlToText, nodeToText } from './html-text.js';
import { ParseError } from './parse-error.js';

/** The main text of a web page and its metadata. */
export interface Article {
  title: string;
  /** Main text only, paragraphs separated by a blank line. */
  text: string;
  /** ISO 8601 timestamp, or null when the page does not say. */
  published: string | null;
  /** Where `published` came from: the page's metadata (meta tags, JSON-LD), or a <time> in the page. */
  publishedFrom: 'metadata' | 'time' | null;
  siteName: string | null;
  /** The page's declared canonical URL (absolute), else the URL it was fetched from. */
  canonicalUrl: string;
}

/** Extract the main text and metadata of an HTML page; throws `ParseError` ('no-content') when there is no readable text. */
export function extractArticle(html: string, url: string): Article {
  const { document } = parseHTML(html);
  const meta = readArticleMeta(document as never, url);
  const pageTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  stripChrome(document as never);
  // The page's date is read once the chrome is gone but before the byline (which often holds it)
  // goes; the lead before Readability, which rewrites the page.
  const time = headlineTime(document as never);
  stripBylines(document as never);
  const lead = leadCandidates(document as never);
  const h1 = document.querySelector('h1')?.textContent?.trim();

  const parsed = new (readabilityClass())(document as never, { charThreshold: 200 }).parse();
  let text = parsed?.content ? restoreLead(htmlToText(parsed.content), lead) : '';
  if (!text) {
    const main = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
    text = main ? nodeToText(main) : '';
  }
  if (!text.trim()) {
    throw new ParseError('no-content', url, `${url} has no readable text (an empty page, or one built by JavaScript); ingest its feed or a text copy instead.`);
  }
  const title = (meta.title ?? parsed?.title?.trim() ?? h1 ?? pageTitle).replace(/\s+/g, ' ');
  const metaDate = meta.published ?? (parsed?.publishedTime ? safeIso(parsed.publishedTime) : null);
  return {
    title,
    text: withDescription(text, meta.description, title),
    published: metaDate ?? time,
    publishedFrom: metaDate ? 'metadata' : time ? 'time' : null,
    siteName: meta.siteName ?? parsed?.siteName ?? null,
    canonicalUrl: meta.canonicalUrl ?? url,
  };
}

function safeIso(raw: string): string | null {
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
