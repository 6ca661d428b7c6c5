/** Synthetic news articles for the ingest bench, from our own templates. Deterministic. */
import { ATTENDANCE, BACKGROUND, OUTCOMES, QUOTES, ROLES, SPEAKERS, SUPPORT } from './ingest-phrases.js';

export interface BenchArticle {
  raw: string;
  url: string;
  /** The generated meeting it reports, to compare with what the pipeline merged. */
  meetingKey: string;
}

function rng(seed: number): () => number {
  // mulberry32: small, fast, and the same sequence on every machine.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BODIES = [
  ['Africa Focus Group', 'the Africa Focus Group of the Global Coalition to Defeat ISIS'],
  ['Counter ISIS Finance Group', 'the Counter ISIS Finance Group'],
  ['Small Group', 'the Small Group of the coalition against Daesh'],
  ['G5 Sahel', 'the G5 Sahel'],
  ['Accra Initiative', 'member states of the Accra Initiative'],
  ['Stabilization Working Group', 'the Stabilization Working Group of the coalition'],
  ['Global Coalition to Defeat ISIS', 'foreign ministers of the Global Coalition to Defeat ISIS'],
] as const;

const PLACES = [
  ['Rabat', 'Morocco'], ['Niamey', 'Niger'], ['Abuja', 'Nigeria'], ['Dakar', 'Senegal'], ['Accra', 'Ghana'],
  ['Rome', 'Italy'], ['Paris', 'France'], ['Riyadh', 'Saudi Arabia'], ['Washington', 'United States'],
  ['Brussels', 'Belgium'], ['Nouakchott', 'Mauritania'], ['Copenhagen', 'Denmark'], ['Madrid', 'Spain'],
  ['Berlin', 'Germany'], ['London', 'United Kingdom'], ['Ottawa', 'Canada'], ['Lome', 'Togo'], ['Abidjan', 'Ivory Coast'],
] as const;

const CHAIRS = ['Morocco', 'the United States', 'Italy', 'Nigeria', 'Saudi Arabia', 'France', 'Niger', 'Ghana', 'the United Kingdom', 'Denmark', 'Canada', 'Senegal'];

// Each topic in several phrasings; {c} is the host city, {h} a chair, so reports of different meetings differ in wording.
const TOPICS = [
  [
    'Delegates looked at ways to cut off the flow of money to terrorist cells, including mobile payments and informal transfers.',
    'In {c}, the talks covered how armed groups raise and move money, with {h} proposing tighter checks on cash couriers.',
    'Financial intelligence units compared notes on ransom payments and on charities used as fronts.',
  ],
  [
    'The discussion turned to the stabilisation of towns freed from the militants, from clearing explosives to reopening schools.',
    '{h} announced new funds for demining and for restoring water supplies in liberated districts.',
    'Participants heard how electricity and clinics are being restored in areas the group once held.',
  ],
  [
    'Several speakers raised the return of foreign terrorist fighters and the prosecution of those who travelled to join the group.',
    'Returning fighters and the evidence needed to try them in court were discussed at length in {c}.',
  ],
  [
    'Officials agreed to coordinate messages that counter the propaganda of the group on social media.',
    '{h} offered to host a workshop for the communications teams of member states on countering extremist content online.',
  ],
  [
    'The fate of detainees and their families in camps in north-east Syria was again on the agenda, with calls for faster repatriation.',
    'Speakers urged governments to bring home women and children still held in the camps.',
  ],
  [
    'Aid agencies briefed the meeting on the humanitarian needs of people displaced by the fighting in the Sahel.',
    'The plight of families who fled villages near the border was described by a representative of a relief group.',
  ],
  [
    'Participants reviewed the security situation in West Africa, where affiliates of the group have pushed towards the coast.',
    'Attacks in the border areas of Burkina Faso, Niger and Mali were a recurring concern for the ministers in {c}.',
  ],
  [
    'Commanders reviewed the military campaign against the remaining cells in Iraq and Syria.',
    'An update on operations against hideouts in the desert was given by a senior officer.',
  ],
];

const OUTLETS = ['Coastal Courier', 'Sahel Monitor', 'Capital Observer', 'Tiber Wire', 'Gulf Ledger', 'Harbour Daily', 'Atlas Review', 'Northern Gazette', 'Meridian Post', 'Delta Herald', 'Savanna Times', 'Continental Report'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Meeting {
  key: string;
  body: (typeof BODIES)[number];
  place: (typeof PLACES)[number];
  day: Date;
  chairs: string[];
  topics: number[];
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const spoken = (d: Date): string => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function lead(r: () => number, m: Meeting): string {
  const [city] = m.place;
  const chairs = m.chairs.join(' and ');
  const when = spoken(m.day);
  switch (Math.floor(r() * 4)) {
    case 0:
      return `${city.toUpperCase()} - ${upper(m.body[1])} met in ${city} on ${when}, co-chaired by ${chairs}.`;
    case 1:
      return `${upper(chairs)} co-chaired a meeting of ${m.body[1]} held in ${city} on ${when}.`;
    case 2:
      return `Officials from dozens of countries gathered in ${city} on ${when} for a meeting of ${m.body[1]}, hosted by ${m.chairs[0]}.`;
    default:
      return `A meeting of ${m.body[1]} took place in ${city}, ${m.place[1]}, on ${when} under the chairmanship of ${chairs}.`;
  }
}

function topicSentence(r: () => number, m: Meeting, topic: number): string {
  const chair = pick(r, m.chairs);
  const sentence = pick(r, TOPICS[topic]!).replace('{c}', m.place[0]);
  return sentence.startsWith('{h}') ? sentence.replace('{h}', upper(chair)) : sentence.replace('{h}', chair);
}

function quote(r: () => number, m: Meeting): string {
  const role = pick(r, ROLES).replace('{h}', pick(r, m.chairs));
  const words = pick(r, QUOTES).replace('{c}', m.place[0]).replace(/\.$/, ',');
  return `"${words}" said ${pick(r, SPEAKERS)}, ${role}.`;
}

/** About as long as a real briefing: a lead, five paragraphs on topics, a quote, what was agreed, background. */
function report(r: () => number, m: Meeting): string {
  const paragraphs = [r() < 0.5 ? `${lead(r, m)} ${pick(r, ATTENDANCE)}` : lead(r, m)];
  // Five different topics, the meeting's own among them.
  const body = [...new Set(m.topics)];
  while (body.length < 5) {
    const t = Math.floor(r() * TOPICS.length);
    if (!body.includes(t)) body.push(t);
  }
  body.sort(() => r() - 0.5);
  for (const t of body) paragraphs.push(`${topicSentence(r, m, t)} ${r() < 0.75 ? pick(r, SUPPORT) : ''}`.trim());
  if (r() < 0.7) paragraphs.push(quote(r, m));
  paragraphs.push(pick(r, OUTCOMES));
  if (r() < 0.6) paragraphs.push(BACKGROUND[m.body[0]]!);
  paragraphs.push(pick(r, SUPPORT));
  return paragraphs.join('\n\n');
}

/** A wire brief, half as long: the lead and three short paragraphs on topics. */
function brief(r: () => number, m: Meeting): string {
  const paragraphs = [lead(r, m)];
  const body = [...m.topics, Math.floor(r() * TOPICS.length)].sort(() => r() - 0.5);
  for (const t of body) paragraphs.push(`${topicSentence(r, m, t)} ${r() < 0.5 ? pick(r, SUPPORT) : ''}`.trim());
  paragraphs.push(pick(r, SUPPORT));
  return paragraphs.join('\n\n');
}

/** How long the generated texts are: as long as real briefings (about 1,500 characters), or wire briefs (about 770). */
export type ArticleLength = 'article' | 'brief';

/** `count` articles: meetings reported by one to seven outlets each, some as syndicated copies. */
export function generateArticles(count: number, seed = 7, length: ArticleLength = 'article'): BenchArticle[] {
  const write = length === 'article' ? report : brief;
  const r = rng(seed);
  const out: BenchArticle[] = [];
  const base = Date.UTC(2030, 0, 1);
  for (let n = 0; out.length < count; n++) {
    const chairCount = r() < 0.5 ? 1 : 2;
    const chairs: string[] = [];
    while (chairs.length < chairCount) {
      const c = pick(r, CHAIRS);
      if (!chairs.includes(c)) chairs.push(c);
    }
    const m: Meeting = {
      key: `m${n}`,
      body: pick(r, BODIES),
      place: pick(r, PLACES),
      day: new Date(base + Math.floor(r() * 4 * 365) * 86_400_000),
      chairs,
      topics: [Math.floor(r() * TOPICS.length), Math.floor(r() * TOPICS.length)],
    };
    const reports = 1 + Math.floor(r() * 7);
    let previous: string | null = null;
    for (let i = 0; i < reports && out.length < count; i++) {
      const outlet = pick(r, OUTLETS);
      const published = iso(new Date(m.day.getTime() + Math.floor(r() * 3) * 86_400_000));
      // One report in eight is a syndicated copy of the previous one, lightly edited.
      const text: string = previous && r() < 0.125 ? `By ${outlet} staff\n\n${previous}\n\nAll rights reserved.` : write(r, m);
      previous = text;
      const title = `${m.body[0]} meets in ${m.place[0]}`;
      const slug = `${m.key}-${i}`;
      out.push({
        raw: `Title: ${title}\nSource: ${outlet}\nPublished: ${published}\n\n${text}\n`,
        url: `https://${outlet.toLowerCase().replace(/\s+/g, '')}.example/news/${slug}`,
        meetingKey: m.key,
      });
    }
  }
  return out;
}
