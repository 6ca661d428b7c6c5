import type { CitedSentence, MeetingFacts, SummarySentence } from '../../core/index.js';
import { argumentCounter } from './arguments.js';
import { jaccard, knownWordSet } from './similarity.js';
import { datelineEnd, withoutDateline } from '../extract/dateline-span.js';
import { splitSentences, type TextSpan } from './split-sentences.js';

/** Sentences in a meeting's summary, across all its sources. */
export const MAX_MEETING_SENTENCES = 5;
/** Word-set similarity at which two sentences say the same thing. */
export const SAME_SUBSTANCE = 0.5;
// Relevance against novelty in maximal marginal relevance.
const LAMBDA = 0.7;
// Sentences naming this many meeting arguments count even outside the document's own summary.
const STRONG_ARGUMENTS = 2;
const MAX_ARGUMENT_SENTENCES_PER_DOC = 3;

export interface SummaryDoc {
  id: number;
  url: string | null;
  text: string;
  extraction: { summary: readonly SummarySentence[] };
}

interface Candidate extends CitedSentence {
  score: number;
  order: number;
  words: ReadonlySet<string>;
}

// A document reporting several meetings is split once, not once per meeting.
let lastSplit: { text: string; spans: readonly TextSpan[] } | null = null;

function sentencesOf(text: string): readonly TextSpan[] {
  if (lastSplit?.text !== text) {
    // The first sentence usually opens with the dateline; the quote starts after it.
    const end = datelineEnd(text);
    lastSplit = { text, spans: splitSentences(text).map((s) => withoutDateline(s, text, end)) };
  }
  return lastSplit.spans;
}

/** Sentences of one document that could speak for the meeting, scored by relevance. */
function documentCandidates(doc: SummaryDoc, facts: MeetingFacts, countArgs: (s: string) => number, order: number): Candidate[] {
  const out: Candidate[] = [];
  const taken = new Set<string>();
  // The extractor's summary is about the document's main meeting; a meeting mentioned in passing needs sentences that name it.
  for (const s of doc.extraction.summary) {
    // Only what the document says verbatim may be quoted.
    if (!s.text.trim() || !doc.text.includes(s.text)) continue;
    const args = countArgs(s.text);
    if (!facts.primary && args < STRONG_ARGUMENTS) continue;
    taken.add(s.text);
    out.push({ text: s.text, documentId: doc.id, url: doc.url, score: 2 + args, order: order + (s.start >= 0 ? s.start : 0), words: knownWordSet(s.text) });
  }
  const strong = sentencesOf(doc.text)
    .filter((s) => !taken.has(s.text) && s.text.length <= 400)
    .map((s) => ({ s, args: countArgs(s.text) }))
    .filter((x) => x.args >= STRONG_ARGUMENTS)
    .sort((a, b) => b.args - a.args || a.s.start - b.s.start)
    .slice(0, MAX_ARGUMENT_SENTENCES_PER_DOC);
  for (const { s, args } of strong) {
    out.push({ text: s.text, documentId: doc.id, url: doc.url, score: args, order: order + s.start, words: knownWordSet(s.text) });
  }
  return out;
}

/**
 * Greedy maximal marginal relevance; a sentence too close to one already taken is never taken.
 * Each candidate's closeness to the sentences taken so far is kept up to date as they are
 * taken, so every pair is compared once.
 */
export function selectByMmr<T extends { score: number; words: ReadonlySet<string> }>(pool: readonly T[], max: number, threshold = SAME_SUBSTANCE): T[] {
  const top = Math.max(1, ...pool.map((c) => c.score));
  const chosen: T[] = [];
  const left = [...pool];
  const overlaps = left.map(() => 0);
  while (chosen.length < max && left.length > 0) {
    let bestIndex = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < left.length; i++) {
      const overlap = overlaps[i]!;
      if (overlap >= threshold) continue;
      const value = LAMBDA * (left[i]!.score / top) - (1 - LAMBDA) * overlap;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) break;
    const taken = left.splice(bestIndex, 1)[0]!;
    overlaps.splice(bestIndex, 1);
    chosen.push(taken);
    for (let i = 0; i < left.length; i++) overlaps[i] = Math.max(overlaps[i]!, jaccard(left[i]!.words, taken.words));
  }
  return chosen;
}

/**
 * The meeting's summary after one more document: the sentences it had, plus this
 * document's summary and argument-bearing sentences, chosen by MMR so no sentence
 * repeats another in substance. Output is in document order, then text order.
 */
export function meetingSummary(existing: readonly CitedSentence[], facts: MeetingFacts, doc: SummaryDoc, max = MAX_MEETING_SENTENCES): CitedSentence[] {
  const countArgs = argumentCounter(facts);
  // Sentences already shown keep a head start, so a meeting's summary does not churn with every new report.
  const kept: Candidate[] = existing.map((s, i) => ({ ...s, score: 2.5 + countArgs(s.text), order: i, words: knownWordSet(s.text) }));
  const fresh = documentCandidates(doc, facts, countArgs, existing.length);
  const chosen = selectByMmr([...kept, ...fresh], max);
  return chosen
    .sort((a, b) => (a.documentId === b.documentId ? a.order - b.order : a.documentId - b.documentId))
    .map(({ text, documentId, url }) => ({ text, documentId, url }));
}
