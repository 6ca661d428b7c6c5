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
  const bags = sentences.map((s) => new Set(s.toks.filter((t) => /^[a-z]/i.test(t.value) && !STOP.has(t.lower)).map((t) => t.lower)));
  const df = new Map<string, number>();
  for (const b of bags) for (const w of b) df.set(w, (df.get(w) ?? 0) + 1);
  const scored = sentences
    .map((s, i) => {
      const bag = bags[i] ?? new Set<string>();
      if (bag.size < MIN_WORDS) return null;
      let central = 0;
      for (const w of bag) central += (df.get(w) ?? 1) - 1;
      const score = central / Math.sqrt(bag.size) + 3 / (1 + i) + 2 * (factWeight.get(s.index) ?? 0);
      return { s, score };
    })
    .filter((x): x is { s: Sentence; score: number } => x !== null)
    .sort((a, b) => b.score - a.score)
    .slice(0, want)
    .sort((a, b) => a.s.start - b.s.start);
  return scored.map(({ s }) => ({ text: s.text, start: s.start, end: s.end }));
}
