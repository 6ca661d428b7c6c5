import table from '../data/bodies.json' with { type: 'json' };
import type { MeetingKind } from '../../core/facts.js';

export interface BodyDef {
  name: string;
  parent: string | null;
  kind: MeetingKind | null;
}

export interface BodyMention {
  body: BodyDef;
  start: number;
  end: number;
}

interface Compiled {
  def: BodyDef;
  res: RegExp[];
}

let compiled: Compiled[] | null = null;

function compile(): Compiled[] {
  const group = table.groupNames;
  const expand = (src: string) => src.split('{IS}').join(group);
  return table.bodies.map((b) => ({
    def: { name: b.name, parent: b.parent, kind: (b.kind ?? null) as MeetingKind | null },
    res: [
      ...b.patterns.map((p) => new RegExp(`(?<![\\w-])${expand(p)}(?![\\w-])`, 'giu')),
      ...b.caseSensitive.map((p) => new RegExp(`(?<![\\w-])${expand(p)}(?![\\w-])`, 'gu')),
    ],
  }));
}

const byName = new Map<string, BodyDef>();

export function bodyByName(name: string): BodyDef | undefined {
  if (byName.size === 0) for (const c of (compiled ??= compile())) byName.set(c.def.name, c.def);
  return byName.get(name);
}

/** Every body mention in the text; where matches overlap the longest one wins. */
export function findBodies(text: string): BodyMention[] {
  compiled ??= compile();
  const all: BodyMention[] = [];
  for (const c of compiled) {
    for (const re of c.res) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (m[0].trim() === '') continue;
        all.push({ body: c.def, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: BodyMention[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Whether `child` is a group of `parent` (or the same body). */
export function isWithin(child: BodyDef, parent: BodyDef): boolean {
  return child.name === parent.name || child.parent === parent.name;
}
