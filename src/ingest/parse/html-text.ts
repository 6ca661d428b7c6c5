import { parseHTML } from './dom.js';

// Elements that end a line of running text; everything else flows inline.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TR', 'UL', 'BODY', 'HTML',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'HEAD', 'BUTTON', 'SELECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function walk(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  if (name === 'BR') {
    out.push('\n');
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.push('\n\n');
  for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, out);
  if (block) out.push('\n\n');
}

// Anything tidyText would change inside the text: a no-break space, a tab or form feed, two
// spaces, white space at either end of a line (a CR included), three newlines in a row.
const UNTIDY = /[\u00a0\t\f\v]| {2}|^[^\S\n]|[^\S\n]$|\n{3}/m;

/** Tidy text: trim lines, at most one blank line between paragraphs. */
export function tidyText(text: string): string {
  // Most briefing files are tidy already; splitting them into lines would only copy them.
  if (!UNTIDY.test(text)) return text.trim();
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// A line that is only a clock time ("18:02", "9.15am", "09:15 GMT", "18h02 CEST", "10:30 GMT+1"): a
// live blog's entry stamp, set in an element of its own above each entry. As a paragraph it says
// nothing and reads as a sentence of its own; a time inside a sentence stays.
const CLOCK_LINE =
  /^[^\S\n]*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?(?:[^\S\n]*[aApP]\.?[mM]\.?)?(?:[^\S\n]+(?:(?:GMT|UTC)(?:[^\S\n]?[+\u2212-][^\S\n]?\d{1,2}(?::?\d{2})?)?|\p{Lu}{2,5}))?[^\S\n]*(?:\n|$)/gmu;

/** The text of a page without its lines that are only a clock time. */
function withoutClockLines(text: string): string {
  return /\d[:.h]\d/.test(text) ? text.replace(CLOCK_LINE, '') : text;
}

/** Plain text of an HTML node: block elements become paragraphs separated by a blank line. */
export function nodeToText(node: unknown): string {
  const out: string[] = [];
  walk(node as DomNode, out);
  return tidyText(withoutClockLines(out.join('')));
}

/** Plain text of an HTML fragment or document, entities decoded, scripts and styles dropped, paragraphs kept. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidyText(withoutClockLines(html));
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToText(document.body);
}
