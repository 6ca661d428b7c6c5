import type { BodyDef, BodyMention } from './bodies.js';
import { lookupPlace, type Place } from './gazetteer.js';
import type { Sentence } from './nlp.js';

// "the Pau Summit": a summit known by the city that held it, written as a name.
// With indices (d): the name is the mention, however much space stands before "Summit".
const NAMED = /\bthe\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+Summit\b/dgu;
// "since the summit in Pau": the same, told in passing.
const HELD_IN = /\bthe\s+summit\s+(?:in|at|of)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/u;

const bodyAt = (place: Place & { city: string }): BodyDef => ({ name: `${place.city} Summit`, parent: null, kind: 'summit', seat: place });

const cityOf = (name: string): (Place & { city: string }) | null => {
  const p = lookupPlace(name);
  return p?.city ? { city: p.city, country: p.country } : null;
};

/**
 * Summits the sentence names by their city, where no other body's name covers the words, when it says
 * when ("the Bamako Summit of 12 March"): "decisions from the Rome Summit" recalls a name, not a meeting.
 */
export function namedSummits(s: Sentence, mine: BodyMention[]): BodyMention[] {
  const out: BodyMention[] = [];
  if (s.dates.length === 0) return out;
  for (const m of s.text.matchAll(NAMED)) {
    const place = cityOf(m[1]!);
    if (!place) continue;
    const start = s.start + m.indices![1]![0];
    const end = s.start + m.index + m[0].length;
    if (!mine.some((k) => start < k.end && k.start < end)) out.push({ body: bodyAt(place), start, end });
  }
  return out;
}

/** A summit told in passing by where it met ("since the summit in Pau"), for a sentence that names no body. */
export function summitHeldIn(s: Sentence): BodyDef | null {
  const m = HELD_IN.exec(s.text);
  const place = m ? cityOf(m[1]!) : null;
  return place ? bodyAt(place) : null;
}
