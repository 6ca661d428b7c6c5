import table from '../data/topics.json' with { type: 'json' };

export interface TopicDef {
  id: string;
  label: string;
  phrases: string[];
  exclude: string[];
}

interface Compiled {
  id: string;
  re: RegExp;
  exclude: RegExp | null;
}

const alt = (xs: string[]) => `(?<![\\w-])(?:${xs.join('|')})(?![\\w-])`;

export function compileTopics(defs: TopicDef[]): Compiled[] {
  return defs.map((d) => ({
    id: d.id,
    re: new RegExp(alt(d.phrases), 'gi'),
    exclude: d.exclude.length ? new RegExp(alt(d.exclude), 'gi') : null,
  }));
}

let defaults: Compiled[] | null = null;

/** A stretch of text and how much a topic hit in it weighs. */
export interface Zone {
  start: number;
  end: number;
  weight: number;
}

/** Hits needed for a topic to count; a hit in the title, lead or meeting sentence weighs double. */
export const SALIENCE = 2;

function hitsOf(c: Compiled, text: string): number[] {
  const excluded: Array<[number, number]> = [];
  if (c.exclude) for (const m of text.matchAll(c.exclude)) excluded.push([m.index, m.index + m[0].length]);
  const out: number[] = [];
  for (const m of text.matchAll(c.re)) {
    if (excluded.some(([a, b]) => m.index >= a && m.index < b)) continue;
    out.push(m.index);
  }
  return out;
}

/**
 * Topics the text says something about: a topic needs several hits, or hits
 * in the places that carry the story (title, lead, the meeting's sentences);
 * one passing word is not enough.
 */
export function findTopics(title: string | null, text: string, zones: Zone[], defs?: TopicDef[]): string[] {
  const compiled = defs ? compileTopics(defs) : (defaults ??= compileTopics(table.topics));
  const out: string[] = [];
  for (const c of compiled) {
    let score = 0;
    if (title) score += hitsOf(c, title).length * 2;
    for (const at of hitsOf(c, text)) score += zones.find((z) => at >= z.start && at < z.end)?.weight ?? 1;
    if (score >= SALIENCE) out.push(c.id);
  }
  return out;
}
