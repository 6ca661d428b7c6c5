import type { FeedItem } from './parse-feed.js';

/** Shorter than this many characters, an item's text is taken for a teaser. */
export const TEASER_MAX_CHARS = 400;

// Endings publishers put on excerpts: an ellipsis, "[…]", or a read-more prompt.
const TEASER_ENDING =
  /(\u2026|\.\.\.|\[(?:\u2026|\.\.\.)\]|\b(?:read more|read the full (?:story|article)|continue reading|full story|more\s*»|weiterlesen|lire la suite)[\s.:!»>\u2192\u00bb]*)\s*$/i;

/** True when the item carries only a teaser (short, or ending in "…"/"Read more"), so the linked article should be fetched. */
export function isTeaser(item: Pick<FeedItem, 'summary' | 'content'>, opts: { maxChars?: number } = {}): boolean {
  const maxChars = opts.maxChars ?? TEASER_MAX_CHARS;
  const text = (item.content && item.content.length >= item.summary.length ? item.content : item.summary).trim();
  if (text.length < maxChars) return true;
  return TEASER_ENDING.test(text);
}
