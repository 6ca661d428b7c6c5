import { bold, type Span } from '../../src/core/index.js';

/** Shortens ingested text to `max` characters, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Avoid cutting a surrogate pair in half, which would render as garbage.
  let cut = flat.slice(0, Math.max(0, max - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Shows a user's words back inside an error message, short and on one line. */
export function echo(text: string, max = 40): string {
  return truncate(text.replace(/`/g, "'"), max);
}

/** Lists names as "A, B and C". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Turns a store snippet with `[[match]]` marks into spans, matches in bold. */
export function snippetSpans(snippet: string, max: number): Span[] {
  const spans: Span[] = [];
  let used = 0;
  const parts = snippet.split(/(\[\[[\s\S]*?\]\])/);
  for (const part of parts) {
    if (!part || used >= max) continue;
    const marked = part.startsWith('[[') && part.endsWith(']]');
    const raw = marked ? part.slice(2, -2) : part.replace(/\[\[|\]\]/g, '');
    const room = max - used;
    const text = raw.length > room ? truncate(raw, room) : raw.replace(/\s+/g, ' ');
    if (!text) continue;
    used += text.length;
    spans.push(marked ? bold(text) : text);
  }
  return spans;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export const capitalize = (s: string): string => (s ? `${s[0]!.toUpperCase()}${s.slice(1)}` : s);
