import type { MeetingFacts } from '../../core/index.js';
import { wordSet } from './similarity.js';

type MeetingArgs = Pick<MeetingFacts, 'body' | 'city' | 'country' | 'chairs'>;

// The same sentences are counted again with every report merged into their meeting.
const FOLD_CACHE = 2048;
const folds = new Map<string, string>();

function fold(text: string): string {
  let folded = folds.get(text);
  if (folded === undefined) {
    folded = ` ${text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
    if (folds.size >= FOLD_CACHE) folds.clear();
    folds.set(text, folded);
  }
  return folded;
}

/**
 * A counter of how many of a meeting's arguments (its body, city, country, chairs)
 * a sentence names. The body counts when most of its words appear, since texts
 * shorten names ("the Focus Group").
 */
export function argumentCounter(meeting: MeetingArgs): (sentence: string) => number {
  const phrases = [meeting.city, meeting.country, ...meeting.chairs]
    .filter((v): v is string => !!v && v.trim() !== '')
    .map(fold)
    .filter((v, i, all) => all.indexOf(v) === i);
  // A body word is one of the sentence's words exactly when it stands between spaces in the
  // folded sentence (fold and wordSet split alike), which spares a word set per sentence.
  const bodyWords = [...wordSet(meeting.body)].map((w) => ` ${w} `);
  const bodyNeeded = Math.max(1, Math.ceil(bodyWords.length * 0.6));
  return (sentence) => {
    const folded = fold(sentence);
    let hits = 0;
    for (const p of phrases) if (folded.includes(p)) hits++;
    if (bodyWords.length > 0) {
      let present = 0;
      for (const w of bodyWords) if (folded.includes(w)) present++;
      if (present >= bodyNeeded) hits++;
    }
    return hits;
  };
}
