/**
 * Scores the extractor on the held-out briefings in ./holdout: texts written
 * for it in the styles unseen news takes, each with a gold annotation made
 * before the extractor ever read it. Facts are compared as sets, as the
 * shared evaluation does: body, and body|field=value for kind, city,
 * country, start, end and every chair of each primary meeting.
 *   node --import tsx test/ingest/extract/holdout-score.ts [--verbose]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract, parseBriefingText } from '../../../src/ingest/extract/index.js';

export interface GoldMeeting {
  body: string;
  kind: string | null;
  city: string | null;
  country: string | null;
  start: string | null;
  end: string | null;
  chairs: string[];
  primary: boolean;
}
export interface Gold { is_meeting_report: boolean; meetings: GoldMeeting[]; topics: string[] }

export interface Counts { tp: number; fp: number; fn: number }
export interface HoldoutScore {
  facts: Counts & { f1: number };
  topics: Counts & { f1: number };
  reportAccuracy: number;
  documents: number;
  /** Per document, the facts missed and the facts wrongly given. */
  errors: Array<{ doc: string; missing: string[]; wrong: string[] }>;
}

const ALIASES = new Map([
  ['us', 'united states'], ['usa', 'united states'], ['uk', 'united kingdom'], ['britain', 'united kingdom'],
  ['turkiye', 'turkey'], ['uae', 'united arab emirates'], ['marrakesh', 'marrakech'], ['hague', 'the hague'],
]);
export function norm(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
    .replace(/^the (?!hague)/, '');
  return ALIASES.get(t) ?? t;
}

export function factsOf(meetings: GoldMeeting[]): Set<string> {
  const out = new Set<string>();
  for (const m of meetings) {
    if (!m.primary) continue;
    const body = norm(m.body);
    if (!body) continue;
    out.add(`body=${body}`);
    for (const f of ['kind', 'city', 'country', 'start', 'end'] as const) {
      const v = f === 'start' || f === 'end' ? m[f] : norm(m[f]);
      if (v) out.add(`${body}|${f}=${v}`);
    }
    for (const c of m.chairs) if (norm(c)) out.add(`${body}|chair=${norm(c)}`);
  }
  return out;
}

export const f1 = (c: Counts) => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

export function compare(gold: Set<string>, got: Set<string>, c: Counts): { missing: string[]; wrong: string[] } {
  const missing = [...gold].filter((x) => !got.has(x));
  const wrong = [...got].filter((x) => !gold.has(x));
  c.tp += gold.size - missing.length;
  c.fn += missing.length;
  c.fp += wrong.length;
  return { missing, wrong };
}

export const HOLDOUT_DIR = fileURLToPath(new URL('./holdout/', import.meta.url));

export function scoreHoldout(dir = HOLDOUT_DIR): HoldoutScore {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const facts: Counts = { tp: 0, fp: 0, fn: 0 }, topics: Counts = { tp: 0, fp: 0, fn: 0 };
  let reportsRight = 0;
  const errors: HoldoutScore['errors'] = [];
  for (const name of names) {
    const b = parseBriefingText(readFileSync(`${dir}${name}`, 'utf8'));
    const gold = JSON.parse(readFileSync(`${dir}${name.replace(/\.txt$/, '.gold.json')}`, 'utf8')) as Gold;
    const x = extract({ text: b.body, title: b.title, published: b.published });
    const e = compare(factsOf(gold.meetings), factsOf(x.meetings as GoldMeeting[]), facts);
    compare(new Set(gold.topics), new Set(x.topics), topics);
    if (x.is_meeting_report === gold.is_meeting_report) reportsRight++;
    if (e.missing.length || e.wrong.length) errors.push({ doc: name, ...e });
  }
  return {
    facts: { ...facts, f1: f1(facts) },
    topics: { ...topics, f1: f1(topics) },
    reportAccuracy: reportsRight / names.length,
    documents: names.length,
    errors,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = scoreHoldout();
  if (process.argv.includes('--verbose')) {
    for (const e of s.errors) process.stdout.write(`${e.doc}\n  missing: ${e.missing.join('; ') || '-'}\n  wrong:   ${e.wrong.join('; ') || '-'}\n`);
  }
  const line = (n: string, c: Counts & { f1: number }) => `${n} F1 ${c.f1.toFixed(3)} (tp ${c.tp} / fp ${c.fp} / fn ${c.fn})`;
  process.stdout.write(`${line('facts', s.facts)}\n${line('topics', s.topics)}\nreport accuracy ${s.reportAccuracy.toFixed(3)} over ${s.documents} documents\n`);
}
