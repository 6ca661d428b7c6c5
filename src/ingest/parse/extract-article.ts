import { readArticleMeta } from './article-meta.js';
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
  siteName: string | null;
  /** The page's declared canonical URL (absolute), else the URL it was fetched from. */
  canonicalUrl: string;
}

// Site chrome Readability sometimes keeps: it scores short link-heavy blocks well when
// they sit next to the story. Removed up front, unless the block holds the story itself.
const CHROME_TAGS = 'nav, footer, aside, form, dialog, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="dialog"], [aria-modal="true"]';
const CHROME_WORDS = /cookie|consent|gdpr|share|sharing|social|related|recommend|more-stories|most-read|newsletter|subscribe|signup|promo|advert|sponsor|sidebar|breadcrumb|paywall|comments?\b|trending|popular|outbrain|taboola/i;

interface El {
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  querySelector(sel: string): El | null;
  remove(): void;
}

function stripChrome(document: { body: El | null; querySelectorAll(sel: string): ArrayLike<El> }): void {
  const bodyLength = (document.body?.textContent ?? '').length || 1;
  const holdsStory = (el: El): boolean =>
    el.tagName === 'BODY' ||
    el.tagName === 'HTML' ||
    !!el.querySelector('article, main, [itemprop="articleBody"]') ||
    (el.textContent ?? '').length > bodyLength / 2;
  const byTag = new Set(Array.from(document.querySelectorAll(CHROME_TAGS)));
  for (const el of Array.from(document.querySelectorAll(`${CHROME_TAGS}, [class], [id]`))) {
    const named = CHROME_WORDS.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`);
    if ((byTag.has(el) || named) && !holdsStory(el)) el.remove();
  }
}

/** Extract the main text and metadata of an HTML page; throws `ParseError` ('no-content') when there is no readable text. */
export function extractArticle(html: string, url: string): Article {
  const { document } = parseHTML(html);
  const meta = readArticleMeta(document as never, url);
  const pageTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  stripChrome(document as never);

  const parsed = new (readabilityClass())(document as never, { charThreshold: 200 }).parse();
  let text = parsed?.content ? htmlToText(parsed.content) : '';
  if (!text) {
    const main = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
    text = main ? nodeToText(main) : '';
  }
  if (!text.trim()) {
    throw new ParseError('no-content', url, `${url} has no readable text (an empty page, or one built by JavaScript); ingest its feed or a text copy instead.`);
  }
  const title = meta.title ?? parsed?.title?.trim() ?? document.querySelector('h1')?.textContent?.trim() ?? pageTitle;
  return {
    title: title.replace(/\s+/g, ' '),
    text,
    published: meta.published ?? (parsed?.publishedTime ? safeIso(parsed.publishedTime) : null),
    siteName: meta.siteName ?? parsed?.siteName ?? null,
    canonicalUrl: meta.canonicalUrl ?? url,
  };
}

function safeIso(raw: string): string | null {
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
