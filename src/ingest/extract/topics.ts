import type { TopicDef } from '../../core/index.js';
import table from '../data/topics.json' with { type: 'json' };
import { matchesOf } from './matches.js';

export interface CompiledTopics {
  ids: string[];
  needs: number[];
  /** One alternation over every topic's phrases: a single scan per text (`each` says whose phrase it was). */
  all: RegExp;
  /** Each topic's phrases alone, anchored, to credit a matched phrase to every topic that lists it. */
  each: RegExp[];
  exclude: RegExp | null;
  excludeOf: Array<RegExp | null>;
  /** The topics each matched phrase belongs to, remembered: the same phrases recur in every document. */
  topicsOf: Map<string, number[]>;
}

const PHRASE_CACHE = 5_000;


export function compileTopics(defs: readonly TopicDef[]): CompiledTopics {
  const excluding = defs.filter((d) => d.exclude.length > 0);
  return {
    ids: defs.map((d) => d.id),
    needs: defs.map((d) => d.salience ?? SALIENCE),
    // One word-boundary check per position, then the alternatives: far cheaper than a check per topic.
    // No capturing groups: nothing reads them, and writing their registers at every try costs a fifth of the scan.
    all: new RegExp(`\\b(?:${defs.map((d) => `(?:${d.phrases.join('|')})`).join('|')})(?![\\w-])`, 'gi'),
    each: defs.map((d) => new RegExp(`^(?:${d.phrases.join('|')})$`, 'i')),
    exclude: excluding.length
      ? new RegExp(`(?<![\\w-])(?:${excluding.map((d) => `(?:${d.exclude.join('|')})`).join('|')})(?![\\w-])`, 'gi')
      : null,
    excludeOf: defs.map((d) => (d.exclude.length ? new RegExp(`^(?:${d.exclude.join('|')})$`, 'i') : null)),
    topicsOf: new Map(),
  };
}

let defaults: CompiledTopics | null = null;

/** A stretch of text and how much a topic hit in it weighs. */
export interface Zone {
  start: number;
  end: number;
  weight: number;
}

/** Hits needed for a topic to count; a hit in the title, lead or meeting sentence weighs double. */
export const SALIENCE = 2;

function isCompiled(topics: readonly TopicDef[] | CompiledTopics): topics is CompiledTopics {
  return !Array.isArray(topics);
}

// "Ministers of security and defence from Benin, Burkina Faso, Ghana, Mali and Togo": the names a list
// of participants gives say who came, not what was discussed.
const ATTENDEES = /\b(?:ministers|delegations|delegates|representatives|officials|observers|envoys|participants)\b(?:\s+[\p{Ll}-]+){0,4}\s+(?:from|of)\s+/giu;
const LIST_BACK = 160;
const ITEM = /^(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,3}$/u;

/** Whether a name at `at` (ending at `end`) is one item of a list of three or more participants. */
function listedAttendee(text: string, at: number, end: number): boolean {
  const before = text.slice(Math.max(0, at - 5), at);
  const joined = before.endsWith(', ') || before.endsWith(' and ');
  const next = /^,\s+(?:and\s+)?\p{Lu}/u.test(text.slice(end, end + 8));
  if (!joined && !next) return false;
  const head = text.slice(Math.max(0, at - LIST_BACK), at);
  let cue = -1;
  for (const m of matchesOf(ATTENDEES, head)) cue = m.index + m[0].length;
  if (cue < 0) return false;
  const items = head.slice(cue).split(/,\s+(?:and\s+)?|\s+and\s+/);
  if (items.pop() !== '') return false;
  if (!items.every((x) => ITEM.test(x))) return false;
  return items.length + 1 + (next ? 1 : 0) >= 3;
}

/** Offsets of phrase hits per topic, leaving out hits inside a phrase that must not count. */
function hitsOf(c: CompiledTopics, text: string): { hits: number[][]; listed: boolean[] } {
  const hits: number[][] = c.ids.map(() => []);
  const listedIn: boolean[] = c.ids.map(() => false);
  const excluded: Array<[number, number, string]> = [];
  if (c.exclude) for (const m of matchesOf(c.exclude, text)) excluded.push([m.index, m.index + m[0].length, m[0]]);
  for (const m of matchesOf(c.all, text)) {
    const phrase = m[0];
    let topics = c.topicsOf.get(phrase);
    if (!topics) {
      topics = c.each.flatMap((re, i) => (re.test(phrase) ? [i] : []));
      if (c.topicsOf.size >= PHRASE_CACHE) c.topicsOf.clear();
      c.topicsOf.set(phrase, topics);
    }
    const listed = topics.length > 0 && /^\p{Lu}/u.test(phrase) && listedAttendee(text, m.index, m.index + phrase.length);
    for (const i of topics) {
      if (listed) { listedIn[i] = true; continue; }
      const ex = c.excludeOf[i];
      if (ex && excluded.some(([a, b, x]) => m.index >= a && m.index < b && ex.test(x))) continue;
      hits[i]!.push(m.index);
    }
  }
  return { hits, listed: listedIn };
}

/**
 * Topics the text says something about: a topic needs several hits, or hits
 * in the places that carry the story (title, lead, the meeting's sentences);
 * one passing word is not enough.
 */
export function findTopics(title: string | null, text: string, zones: Zone[], topics?: readonly TopicDef[] | CompiledTopics): string[] {
  const c = !topics ? (defaults ??= compileTopics(table.topics)) : isCompiled(topics) ? topics : compileTopics(topics);
  const inTitle = title ? hitsOf(c, title).hits : null;
  const { hits: inText, listed } = hitsOf(c, text);
  const out: string[] = [];
  c.ids.forEach((id, i) => {
    // Names in a list of participants count once, as a passing mention, wherever the list stands.
    let score = (inTitle?.[i]?.length ?? 0) * 2 + (listed[i] ? 1 : 0);
    for (const at of inText[i] ?? []) score += zones.find((z) => at >= z.start && at < z.end)?.weight ?? 1;
    if (score >= (c.needs[i] ?? SALIENCE)) out.push(id);
  });
  return out;
}
