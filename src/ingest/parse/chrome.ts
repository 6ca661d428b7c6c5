// Site chrome: the parts of a news page that are not the story. Readability drops most of it,
// but it scores short link-heavy blocks well when they sit next to the story, and it keeps
// content-like boxes (a newsletter sign-up inside the body, a "More interviews" list, a byline)
// whatever their names. Chrome is judged by tag and class/id name, and by content.

/** The DOM surface the chrome and lead helpers use (linkedom implements it). */
export interface El {
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  parentElement: El | null;
  previousElementSibling: El | null;
  nextElementSibling: El | null;
  firstElementChild: El | null;
  children: ArrayLike<El>;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  remove(): void;
}
export interface Doc {
  body: El | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
}

const CHROME_TAGS = 'nav, footer, aside, form, dialog, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
// Consent managers go by their product names (OneTrust, Didomi, Usercentrics, TrustArc, iubenda,
// Sourcepoint) or by "cmp". "author" and "byline" name the writer's line and box (see stripBylines).
const CHROME_WORDS =
  /cookie|consent|gdpr|(?<![a-z])cmp(?![a-z])|onetrust|didomi|usercentrics|truste|iubenda|sp_message|share|sharing|social|related|recommend|more-stories|most-read|newsletter|subscribe|signup|promo|advert|sponsor|sidebar|breadcrumb|paywall|comments?\b|trending|popular|outbrain|taboola/i;
const BYLINE_WORDS = /byline|(?<![a-z])authors?(?![a-z])/i;

// Buttons that close a consent box or sign the reader up to something.
const CONSENT_BUTTON =
  /^(?:accept|reject|decline|refuse|agree|i agree|allow|deny|ok,? i agree|(?:accept|reject|allow|refuse|decline) (?:all|cookies|all cookies)|manage (?:options|settings|preferences|cookies)|cookie settings|tout accepter|tout refuser|accepter|refuser|alle akzeptieren|ablehnen)$/i;
const CONSENT_TEXT = /cookie|privacy|consent|personal data|partners|tracking|données|datenschutz/i;
const SIGNUP_BUTTON =
  /^(?:sign[\s-]?up|sign me up|subscribe|subscribe (?:now|for free|here)|register|join(?: now| us)?|get the newsletter|s'inscrire|je m'inscris|inscrivez-vous|s'abonner|je m'abonne|abonnieren|anmelden|registrieren|suscribirse|suscr[ií]bete|iscriviti)$/i;

// Labels of teaser lists: as a heading, or as the lead-in of a one-line link paragraph ("Lire aussi : …").
const LABELS =
  "more|related|read (?:also|more|next)|also read|see also|(?:à |a )?lire aussi|voir aussi|in pictures|most (?:read|popular|viewed|shared)|you (?:may|might) also like|recommended|further reading|top stories|latest|earlier editions|lesen sie auch|mehr zum thema";
const LIST_LABEL = new RegExp(`^(?:${LABELS})\\b`, 'i');
const LABEL_LEAD_IN = new RegExp(`^(?:${LABELS})\\s*[:\\-–—»>|]`, 'i');

// Caption furniture: a slide counter ("1/6") and a photo credit ("Photo: X / Outlet", "© AFP").
const COUNTER = /^\s*\d{1,3}\s*(?:\/|of|sur|von|de)\s*\d{1,3}\s*$/i;
const CREDIT = /^\s*(?:(?:(?:photo|photograph|picture|image|credit|crédit|foto|bild)s?(?:\s+credit)?\s*:)|©|\(c\)\s|copyright\b)/i;
const TRAILING_CREDIT = /\s*(?:(?:photo|photograph|picture|image|credit|crédit|foto|bild)s?(?:\s+credit)?\s*:\s*[^.:]{1,80}|©\s*[^.]{1,60})\s*$/i;
const LEADING_COUNTER = /^\s*\d{1,3}\s*(?:\/|of|sur|von)\s*\d{1,3}\s+/i;

// Bylines: "By X", "Interview by X · 22 November 2025 · 6 min read", "X Y · 31 January 2025".
const NAME = "\\p{Lu}[\\p{L}'’.-]*";
const PARTICLE = '(?:de|da|di|del|della|van|von|der|den|le|la|al|el|bin|ibn|ter|du|dos|das)';
const NAMES = `${NAME}(?:\\s+(?:${PARTICLE}\\s+)*${NAME}){0,3}`;
const NAME_LIST = new RegExp(`^${NAMES}(?:\\s*(?:,|and|&|et|und|y)\\s*${NAMES})*`, 'u');
const BY = /^(?:(\p{L}+(?:\s+\p{L}+)?)\s+)?(?:by|par|von|por)\s+/iu;
const BY_PREFIX = /^(?:interview(?:ed)?|text|words|story|report(?:ing)?|analysis|photos?|pictures|video|written|compiled|edited|opinion|column|commentary|entretien|propos recueillis|reportage)$/i;
/** What every byline has: "by" (or "par", "von", "por") or a "·" between name and date. */
const MAYBE_BYLINE = /(?:^|\s)(?:by|par|von|por)\s|[·•|]/i;
const NAME_DOT_LINE = new RegExp(`^${NAME}(?:\\s+(?:${PARTICLE}\\s+)*${NAME}){1,3}\\s*[·•|]`, 'u');
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre';
const DAYS = 'mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
// What may follow the names on a byline: dates, times, reading time, "updated", a role.
const META_TOKEN = new RegExp(
  `\\b(?:${MONTHS}|${DAYS}|last|updated?|published|posted|modified|first|on|at|le|à|am|pm|gmt|utc|cet|cest|bst|est|edt|eat|wat|min(?:ute)?s?|read|lecture|hours?|ago|today|yesterday|h)\\b|\\d+|[\\s·•|,.:;/()\\-–—]+`,
  'giu',
);
const META_LEAD = new RegExp(META_TOKEN.source, 'yiu');
const ROLE_WORD = /\b(?:correspondent|reporter|editor|writer|staff|journalist|contributor|columnist|analyst|desk)\b/gi;
const ROLE_PLACE = /\bin \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?/gu;

/** Text that says only when (and how long to read): "Last updated 8 October 2025, 18:02 CEST". */
export function isDateLine(text: string): boolean {
  const t = text.trim();
  return /\d/.test(t) && t.length <= 80 && t.replace(META_TOKEN, '').trim() === '';
}

/**
 * A writer's line: "By X", "Interview by X · date · 6 min read"; with `nameFirst`, also
 * "X Y · date" (only trusted next to the headline, where a place and date would be a dateline).
 */
export function isByline(text: string, nameFirst = false): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > 160) return false;
  let rest: string | null = null;
  // "Posted on 04/02/2025 by Newsdesk", "4 December 2025 · By X": a date may come first.
  let start = 0;
  for (;;) {
    META_LEAD.lastIndex = start;
    const m = META_LEAD.exec(t);
    if (!m?.[0]) break;
    start += m[0].length;
  }
  const by = BY.exec(t.slice(start));
  if (by && (!by[1] || BY_PREFIX.test(by[1]))) {
    const names = NAME_LIST.exec(t.slice(start + by[0].length));
    if (names) rest = t.slice(start + by[0].length + names[0].length);
  }
  if (rest === null && nameFirst) {
    const m = NAME_DOT_LINE.exec(t);
    if (m && /\d/.test(t.slice(m[0].length))) rest = t.slice(m[0].length);
  }
  return rest !== null && rest.replace(ROLE_WORD, '').replace(ROLE_PLACE, '').replace(META_TOKEN, '').trim() === '';
}

const BLOCK_CHILDREN = 'p, div, ul, ol, table, section, article, blockquote, figure, h1, h2, h3, h4, h5, h6';
const BLOCK_TAGS = new Set(BLOCK_CHILDREN.toUpperCase().split(', '));
const text = (el: El): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Share of an element's text that sits inside links, leaving out one child (a heading). */
export function linkDensity(el: El, leaveOut: El | null = null): number {
  const all = text(el).length - (leaveOut ? text(leaveOut).length : 0);
  if (all <= 0) return 0;
  let linked = 0;
  const links = el.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linked += text(links[i]!).length;
  return Math.min(1, linked / all);
}

function buttonLabel(el: El): string {
  const label = el.tagName === 'INPUT' ? (el.getAttribute('value') ?? '') : text(el);
  return label.replace(/[\s→»›>!.]+$/u, '').trim();
}

/**
 * The story's headline: the <h1> of the article or main element; else the page's <h1> that
 * repeats its title (og:title, or the longest part of <title>), so never a site logo set as <h1>.
 */
export function headline(document: Doc): El | null {
  const inStory = document.querySelector('article h1') ?? document.querySelector('main h1');
  if (inStory) return inStory;
  const low = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const parts = (document.querySelector('title')?.textContent ?? '').split(/\s+[|\-–—·•]\s+/).map(low);
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const titles = [low(document.querySelector('meta[property="og:title" i]')?.getAttribute('content') ?? ''), longest].filter((t) => t.length >= 10);
  const h1s = Array.from(document.querySelectorAll('h1'));
  if (titles.length === 0) return h1s[0] ?? null;
  return (
    h1s.find((h) => {
      const t = low(text(h));
      return t.length >= 10 && titles.some((title) => t.includes(title) || (title.includes(t) && t.length >= title.length * 0.6));
    }) ?? null
  );
}

interface Pass {
  all(sel: string): El[];
  holdsStory(el: El): boolean;
  /** Removes the element unless it holds the story. */
  drop(el: El | null | undefined): void;
  /** Still in the page, with no block child: a paragraph-like element. */
  leaf(el: El): boolean;
}

function pass(document: Doc): Pass | null {
  const body = document.body;
  if (!body) return null;
  const bodyLength = text(body).length || 1;
  // The elements around an article, main or articleBody element (asked of many elements, so
  // worked out once; an element removed since only drops out of the question).
  const around = new Set<El>();
  for (const story of Array.from(document.querySelectorAll('article, main, [itemprop="articleBody"]'))) {
    for (let el = story.parentElement; el && !around.has(el); el = el.parentElement) around.add(el);
  }
  const holdsStory = (el: El): boolean =>
    el.tagName === 'BODY' || el.tagName === 'HTML' || around.has(el) || text(el).length > bodyLength / 2;
  return {
    all: (sel) => Array.from(document.querySelectorAll(sel)),
    holdsStory,
    drop: (el) => {
      if (el?.parentElement && !holdsStory(el)) el.remove();
    },
    leaf: (el) => {
      if (!el.parentElement) return false;
      for (let i = 0; i < el.children.length; i++) if (BLOCK_TAGS.has(el.children[i]!.tagName)) return false;
      return true;
    },
  };
}

/**
 * Removes site chrome from the page, in place, never a block that holds the story: by tag and
 * name, boxes around a sign-up or consent button, teaser lists headed "More …", "Related",
 * "Read also" … The writer's line is left for `stripBylines`, after the page's date is read.
 */
export function stripChrome(document: Doc): void {
  const p = pass(document);
  if (!p) return;
  const { all, holdsStory, drop, leaf } = p;

  // A box around a sign-up or consent control: the nearest ancestor with words of its own.
  for (const control of all('input[type="email" i], button, input[type="submit" i], input[type="button" i], a[role="button"]')) {
    if (!control.parentElement) continue;
    const email = control.tagName === 'INPUT' && (control.getAttribute('type') ?? '').toLowerCase() === 'email';
    const signup = email || SIGNUP_BUTTON.test(buttonLabel(control));
    const consent = !signup && CONSENT_BUTTON.test(buttonLabel(control));
    if (!signup && !consent) continue;
    let box: El | null = control.parentElement;
    while (box && !holdsStory(box) && !box.querySelector('h1')) {
      const controls = Array.from(box.querySelectorAll('button, label, select, option')).reduce((n, b) => n + text(b).length, 0);
      if (text(box).length - controls >= 15) break;
      box = box.parentElement;
    }
    if (!box || holdsStory(box) || box.querySelector('h1') || text(box).length > 700) continue;
    if (consent && !CONSENT_TEXT.test(text(box))) continue;
    drop(box);
  }

  // By tag and by name.
  const byTag = new Set(all(CHROME_TAGS));
  for (const el of all(`${CHROME_TAGS}, [class], [id]`)) {
    const named = CHROME_WORDS.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`);
    if (byTag.has(el) || named) drop(el);
  }

  // Teaser lists under a heading such as "More interviews", "Related", "In pictures".
  for (const h of all('h2, h3, h4, h5, h6')) {
    const parent = h.parentElement;
    const label = text(h);
    if (!parent || label.length > 60 || !LIST_LABEL.test(label)) continue;
    if (parent.firstElementChild === h && !holdsStory(parent) && !parent.querySelector('h1') && linkDensity(parent, h) >= 0.5) {
      drop(parent);
      continue;
    }
    const next = h.nextElementSibling;
    if (next && /^(?:UL|OL|DIV|SECTION|NAV)$/.test(next.tagName) && linkDensity(next) >= 0.5) {
      drop(next);
      drop(h);
    }
  }
  // One-line link paragraphs: "Lire aussi : …", "READ MORE: …", "Related: …".
  for (const el of all('p, div, li')) {
    const raw = (el.textContent ?? '').trimStart();
    if (raw.length > 1000 || !LABEL_LEAD_IN.test(raw) || !leaf(el)) continue;
    if (text(el).length <= 250 && linkDensity(el) >= 0.5) drop(el);
  }

}

/**
 * Removes the writer's line and box ("By X · date", by content or by an author/byline name), the
 * section label above the headline, and counters and credits in captions ("1/6", "Photo: X / Y", "© AFP").
 */
export function stripBylines(document: Doc): void {
  const p = pass(document);
  if (!p) return;
  const { all, drop, leaf } = p;
  for (const el of all('[class], [id]')) {
    if (BYLINE_WORDS.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`)) drop(el);
  }
  // Next to the headline, a bare "Name · date" line is a byline too.
  const h1 = headline(document);
  const nearHeadline = new Set<El>();
  for (let el = h1?.nextElementSibling, i = 0; el && i < 2; el = el.nextElementSibling, i++) nearHeadline.add(el);
  for (const el of all('p, div, address, li')) {
    const raw = el.textContent ?? '';
    if (raw.length <= 600 && MAYBE_BYLINE.test(raw) && leaf(el) && isByline(text(el), nearHeadline.has(el))) drop(el);
  }
  const kicker = h1?.previousElementSibling;
  if (kicker && leaf(kicker)) {
    const t = text(kicker);
    if (t && t.length <= 30 && !/[\d.!?]/.test(t) && t.split(' ').length <= 3) drop(kicker);
  }

  // Caption counters and credits; lone copyright and credit lines.
  for (const cap of all('figcaption')) {
    for (const el of Array.from(cap.querySelectorAll('*'))) {
      const t = text(el);
      if (t.length <= 100 && (COUNTER.test(t) || CREDIT.test(t))) el.remove();
    }
    const nodes = Array.from(cap.childNodes).filter((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
    const first = nodes[0];
    const last = nodes.at(-1);
    if (first) first.textContent = (first.textContent ?? '').replace(LEADING_COUNTER, '');
    if (last) last.textContent = (last.textContent ?? '').replace(TRAILING_CREDIT, '');
  }
  for (const el of all('p, div, span, small, cite')) {
    if ((el.textContent ?? '').length > 400 || !leaf(el)) continue;
    const t = text(el);
    if (t && t.length <= 80 && CREDIT.test(t)) drop(el);
  }
}
