import table from '../data/bodies.json' with { type: 'json' };
import type { MeetingKind } from '../../core/facts.js';
import { matchesOf } from './matches.js';
import type { Place } from './gazetteer.js';

export interface BodyDef {
  name: string;
  parent: string | null;
  kind: MeetingKind | null;
  /** The level when the text names none. */
  fallbackKind?: MeetingKind;
  /** Where every meeting of the body is held: a one-off summit named by its city. */
  seat?: Place;
}

export interface BodyMention {
  body: BodyDef;
  start: number;
  end: number;
}

interface Compiled {
  defs: BodyDef[];
  /** All patterns in two alternations (case-insensitive and case-sensitive), one named group per body. */
  res: RegExp[];
}

let compiled: Compiled | null = null;

function compile(): Compiled {
  const group = table.groupNames;
  const expand = (src: string) => src.split('{IS}').join(group);
  const defs = table.bodies.map((b): BodyDef => {
    const fallback = 'fallbackKind' in b ? (b.fallbackKind as MeetingKind) : undefined;
    return { name: b.name, parent: b.parent, kind: (b.kind ?? null) as MeetingKind | null, ...(fallback ? { fallbackKind: fallback } : {}) };
  });
  // Groups of the Coalition come first, so at one position their longer names win over the Coalition's.
  const order = table.bodies.map((_, i) => i).sort((x, y) => Number(table.bodies[x]!.parent === null) - Number(table.bodies[y]!.parent === null));
  const build = (pick: (b: (typeof table.bodies)[number]) => string[], flags: string) => {
    const parts = order
      .filter((i) => pick(table.bodies[i]!).length > 0)
      .map((i) => `(?<b${i}>${pick(table.bodies[i]!).map(expand).join('|')})`);
    return new RegExp(`(?<![\\w-])(?:${parts.join('|')})(?![\\w-])`, flags);
  };
  return { defs, res: [build((b) => b.patterns, 'giu'), build((b) => b.caseSensitive, 'gu')] };
}

const byName = new Map<string, BodyDef>();

export function bodyByName(name: string): BodyDef | undefined {
  if (byName.size === 0) for (const d of (compiled ??= compile()).defs) byName.set(d.name, d);
  return byName.get(name);
}

/** Every body mention in the text; where matches overlap the longest one wins. */
export function findBodies(text: string): BodyMention[] {
  const c = (compiled ??= compile());
  const all: BodyMention[] = [];
  for (const re of c.res) {
    for (const m of matchesOf(re, text)) {
      if (m[0].trim() === '' || !m.groups) continue;
      const key = Object.keys(m.groups).find((k) => m.groups?.[k] !== undefined);
      const def = key ? c.defs[Number(key.slice(1))] : undefined;
      if (def) all.push({ body: def, start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: BodyMention[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  if (text.includes('(')) kept.push(...acronymMentions(text, kept, c));
  return kept.sort((a, b) => a.start - b.start);
}

/** "(CDCWG)" right after a body's name: an abbreviation the text defines for it. */
const DEFINED = /^\s*\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/u;

/** Whether the letters of `abbr` are, in order, first letters of the last words of `name` ("CDCWG", "Counter-Daesh Communications Working Group"). */
function abbreviates(abbr: string, name: string): boolean {
  const initials = name.split(/[\s-]+/).slice(-8).map((w) => w.charAt(0).toLowerCase()).join('');
  let i = 0;
  for (const ch of abbr.toLowerCase()) {
    if (!/\p{L}/u.test(ch)) continue;
    i = initials.indexOf(ch, i) + 1;
    if (i === 0) return false;
  }
  return true;
}

/**
 * "the Counter-Daesh Communications Working Group (CDCWG) ... The CDCWG met on
 * Wednesday": an abbreviation defined in parentheses names the body wherever
 * the text uses it again, if its letters are the name's initials ("(AFP)"
 * after a name is a wire's credit, not its abbreviation).
 */
function acronymMentions(text: string, kept: BodyMention[], c: Compiled): BodyMention[] {
  const out: BodyMention[] = [];
  // An abbreviation the tables know ("ECOWAS", "AFG") is read where they say it counts. (match, not
  // exec: the patterns are global, and match leaves their lastIndex at 0 for findBodies' next scan.)
  const known = (abbr: string) => c.res.some((re) => abbr.match(re)?.[0] === abbr);
  for (const m of kept) {
    if (text[m.end] !== ' ' && text[m.end] !== '(') continue;
    const abbr = DEFINED.exec(text.slice(m.end, m.end + 16))?.[1];
    if (!abbr || !abbreviates(abbr, text.slice(Math.max(0, m.start - 40), m.end)) || known(abbr)) continue;
    for (const a of text.matchAll(new RegExp(`(?<![\\w-])${abbr.replace(/[-&]/g, '\\$&')}(?![\\w-])`, 'gu'))) {
      const at = { body: m.body, start: a.index, end: a.index + abbr.length };
      if (![...kept, ...out].some((k) => at.start < k.end && k.start < at.end)) out.push(at);
    }
  }
  return out;
}
