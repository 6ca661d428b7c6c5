// The article's lead: the deck (standfirst), a summary or "Key points" box that sits between the
// headline and the body. Readability keeps one top candidate, usually the body's container, and
// drops these when they are siblings of it rather than children. They often carry the facts a
// report is read for (the date, the kind of meeting, who chaired it).
import { headline, isByline, isDateLine, linkDensity, type Doc, type El } from './chrome.js';
import { nodeToText } from './html-text.js';

const LEAD_TAGS = /^(?:P|UL|OL|DL|DIV|SECTION|BLOCKQUOTE|H2|H3|HEADER)$/;
const BOUNDARY = /^(?:ARTICLE|MAIN|BODY|HTML)$/;
/** A lead block is short; a longer block Readability left out is not the lead, and nothing is restored. */
const MAX_BLOCK = 700;
const MAX_BLOCKS = 4;
/** The body starts within the first few blocks after the headline; no need to read the rest. */
const MAX_CANDIDATES = 16;

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const paragraphs = (text: string): string[] => text.split(/\n\s*\n/).map(squash).filter(Boolean);

/**
 * The text blocks that follow the headline, in order, up to the end of its article, main or body:
 * the headline's later siblings, then its parent's, and so on. Read after the chrome is stripped
 * and before Readability rewrites the page.
 */
export function leadCandidates(document: Doc): string[] {
  const out: string[] = [];
  const h1 = headline(document);
  for (let node: El | null = h1; node && !BOUNDARY.test(node.tagName); node = node.parentElement) {
    for (let el = node.nextElementSibling; el && out.length < MAX_CANDIDATES; el = el.nextElementSibling) {
      out.push(LEAD_TAGS.test(el.tagName) && linkDensity(el) < 0.3 ? nodeToText(el) : '');
    }
  }
  return out;
}

/**
 * The main text with the lead blocks Readability dropped put back in front: the candidates before
 * the first one whose paragraphs are (mostly) in the text, which is where the body starts. When no
 * candidate reaches the body, nothing is restored. Bylines and date lines are left out.
 */
export function restoreLead(text: string, candidates: readonly string[]): string {
  const kept = squash(text);
  const lead: string[] = [];
  for (const candidate of candidates) {
    const paras = paragraphs(candidate).filter((p) => !isByline(p, true) && !isDateLine(p));
    const substantial = paras.filter((p) => p.length >= 25);
    if (substantial.length === 0) continue;
    const inText = substantial.filter((p) => kept.includes(p)).length;
    if (inText * 2 >= substantial.length) return lead.length ? `${lead.join('\n\n')}\n\n${text}` : text;
    if (squash(candidate).length > MAX_BLOCK || lead.length >= MAX_BLOCKS) return text;
    lead.push(...paras.filter((p) => !kept.includes(p)));
  }
  return text;
}

const WORD = /[\p{L}\p{N}]{4,}/gu;

/**
 * The page's own summary (og:description or meta description) as the deck, when the text does not
 * carry it already and it is about the story (a third of its words recur in the title or text);
 * a site-wide blurb is not.
 */
export function withDescription(text: string, description: string | null, title: string): string {
  const deck = squash(description ?? '').replace(/\s*(?:\u2026|\.\.\.)$/, '');
  if (deck.length < 40) return text;
  const kept = squash(text);
  if (kept.includes(deck) || kept.includes(deck.slice(0, 60))) return text;
  const words = deck.toLowerCase().match(WORD) ?? [];
  const known = new Set(`${title} ${kept}`.toLowerCase().match(WORD) ?? []);
  if (words.length === 0 || words.filter((w) => known.has(w)).length * 3 < words.length) return text;
  return `${deck}\n\n${text}`;
}
