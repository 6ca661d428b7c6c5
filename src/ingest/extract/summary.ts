import type { SummarySentence } from '../../core/facts.js';
import type { Sentence } from './nlp.js';

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'in', 'on', 'for', 'with', 'at', 'by', 'is', 'was', 'will', 'be', 'are', 'that', 'this', 'its', 'their', 'as', 'from', 'it', 'has', 'have', 'which', 'also']);
const MIN_WORDS = 6;

/**
 * Two or three sentences quoted from the body: scored by centrality (shared
 * content words with the rest of the text), position, and how many meeting
 * facts they carry; returned in source order with exact offsets.
 */
export function summarise(sentences: Sentence[], factWeight: Map<number, number>, want = 3): SummarySentence[] {
  // Document frequency of content words, counted per occurrence: no per-sentence sets to allocate.
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.toks) if (isContent(t.lower)) df.set(t.lower, (df.get(t.lower) ?? 0) + 1);
  const scored: Array<{ s: Sentence; score: number }> = [];
  sentences.forEach((s, i) => {
    let words = 0, central = 0;
    for (const t of s.toks) {
      if (!isContent(t.lower)) continue;
      words++;
      central += (df.get(t.lower) ?? 1) - 1;
    }
    if (words < MIN_WORDS) return;
    scored.push({ s, score: central / Math.sqrt(words) + 3 / (1 + i) + 2 * (factWeight.get(s.index) ?? 0) });
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, want)
    .sort((a, b) => a.s.start - b.s.start)
    .map(({ s }) => ({ text: s.text, start: s.start, end: s.end }));
}

function isContent(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122 && !STOP.has(w);
}
