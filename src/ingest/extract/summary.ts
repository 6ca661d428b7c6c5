import type { SummarySentence } from '../../core/facts.js';
import type { Sentence } from './nlp.js';

const STOP: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'in', 'on', 'for', 'with', 'at', 'by', 'is', 'was', 'will', 'be', 'are', 'that', 'this', 'its', 'their', 'as', 'from', 'it', 'has', 'have', 'which', 'also']);
const MIN_WORDS = 6;

/**
 * Two or three sentences quoted from the body: scored by centrality (shared
 * content words with the rest of the text), position, and how many meeting
 * facts they carry; returned in source order with exact offsets.
 */
export function summarise(sentences: Sentence[], factWeight: Map<number, number>, want = 3): SummarySentence[] {
  // Document frequency of content words: each occurrence bumps its word's counter, and each
  // sentence keeps the counters of its content words, so the scoring below reads them back
  // without a second lookup.
  const doc = startDocument();
  const counted = sentences.map((s) => {
    const mine: WordCount[] = [];
    for (const t of s.toks) {
      const c = countOf(t.lower, doc);
      if (c) { c.n++; mine.push(c); }
    }
    return mine;
  });
  const scored: Array<{ s: Sentence; score: number }> = [];
  sentences.forEach((s, i) => {
    const mine = counted[i] ?? [];
    const words = mine.length;
    let central = 0;
    for (const c of mine) central += c.n - 1;
    if (words < MIN_WORDS) return;
    scored.push({ s, score: central / Math.sqrt(words) + 3 / (1 + i) + 2 * (factWeight.get(s.index) ?? 0) });
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, want)
    .sort((a, b) => a.s.start - b.s.start)
    .map(({ s }) => ({ text: s.text, start: s.start, end: s.end }));
}

/**
 * A content word's count in the document being summarised. One counter per word, kept across
 * documents and reset on first use in each (`doc` tells which document it counts): the same
 * words recur in every document, and one lookup per token replaces a per-document map.
 */
interface WordCount {
  doc: number;
  n: number;
}

const COUNT_CACHE = 50_000;
/** Counters by lower-case word; null for words that are not content words. */
const counters = new Map<string, WordCount | null>();
let documents = 0;

/** A new document number; the counters are dropped between documents only, never while one is counted. */
function startDocument(): number {
  if (counters.size >= COUNT_CACHE) counters.clear();
  return ++documents;
}

function countOf(w: string, doc: number): WordCount | null {
  let c = counters.get(w);
  if (c === undefined) {
    c = isContent(w) ? { doc, n: 0 } : null;
    counters.set(w, c);
  }
  if (c && c.doc !== doc) { c.doc = doc; c.n = 0; }
  return c;
}

function isContent(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122 && !STOP.has(w);
}
