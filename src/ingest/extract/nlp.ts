import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { matchesOf } from './matches.js';

/** One token with its character offsets into the analysed text. */
export interface Tok {
  value: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the sentence's first token in the document's token array. */
  first: number;
  toks: Tok[];
  /** Date-like tokens in this sentence, as [start, end) offsets. */
  dates: Array<{ start: number; end: number; text: string }>;
}

export interface Analysis {
  text: string;
  sentences: Sentence[];
}

type Nlp = ReturnType<typeof winkNLP>;
const MAX_GAP = 64;
let nlp: Nlp | null = null;

/**
 * Only the annotations the rules read: sentences and parts of speech. wink's
 * default pipe also runs negation, sentiment and entity recognition; no rule
 * reads the first two, and of the entities only dates were used, which the
 * date-like tokens below find as well for a third of the pass's cost.
 */
export const PIPE = ['sbd', 'pos'] as const;

/**
 * Tokens that can be part of a date: month and weekday names (capitalised, so
 * "may" the verb is none), casual days, years and numeric dates. The date
 * rules read short windows around them, so one token marks a whole expression.
 */
const DATE_TOKEN = new RegExp(String.raw`^(?:${[
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
].flatMap((w) => [w, w.toUpperCase()]).join('|')}|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|(?:19|20)\d\d|\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?)\.?$`);

/**
 * What the rules read of a token's text, worked out once per distinct text. wink hands back
 * one string object per word, so the lookup is cheap, and the shared lower-case forms have
 * their hashes computed once for every Set and Map the rules look them up in.
 */
interface Lexeme {
  lower: string;
  /** Spacing only (line breaks, tabs), which wink keeps as tokens. */
  blank: boolean;
  /** Can be part of a date (DATE_TOKEN). */
  date: boolean;
}

const LEXEME_CACHE = 50_000;
const lexemes = new Map<string, Lexeme>();

function lexemeOf(value: string): Lexeme {
  let lx = lexemes.get(value);
  if (lx === undefined) {
    lx = { lower: value.toLowerCase(), blank: value.trim() === '', date: DATE_TOKEN.test(value) };
    if (lexemes.size >= LEXEME_CACHE) lexemes.clear();
    lexemes.set(value, lx);
  }
  return lx;
}

/** The wink-nlp instance, built once; loading the model is the costly part. */
export function getNlp(): Nlp {
  nlp ??= winkNLP(model, [...PIPE]);
  return nlp;
}

/**
 * The document's single NLP pass: sentences, tokens with character offsets,
 * parts of speech and DATE entities. Only `text` from `from` on is read;
 * offsets stay relative to the whole of `text`.
 */
export function analyse(text: string, from = 0, firstIndex = 0): Analysis {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(from > 0 ? text.slice(from) : text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const toks: Tok[] = new Array(values.length);
  // wink is lossless and keeps token order, so each token is found by a forward
  // search from the end of the previous one (cheaper than asking for spaces).
  let at = from;
  const lineBreakBefore: boolean[] = new Array(values.length);
  // The next line break, searched again only once passed (a search per token was quadratic).
  let nl = text.indexOf('\n', at);
  const lexs: Lexeme[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    const found = text.indexOf(v, at);
    // Only whitespace separates tokens; a far match means the value was normalised, so stay put.
    const start = found >= 0 && found - at <= MAX_GAP ? found : at;
    if (nl >= 0 && nl < at) nl = text.indexOf('\n', at);
    lineBreakBefore[i] = nl >= 0 && nl < start;
    const lx = lexemeOf(v);
    lexs[i] = lx;
    toks[i] = { value: v, lower: lx.lower, pos: pos[i] ?? 'X', start, end: start + v.length };
    at = start + v.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  // Headlines, datelines and paragraphs end at a line break even without a full stop;
  // wink keeps line breaks as whitespace tokens, which no sentence needs.
  const pieces: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    let from = -1;
    for (let i = a; i <= b; i++) {
      const blank = lexs[i]?.blank ?? true;
      const breaks = lineBreakBefore[i] || (blank && (values[i] ?? '').includes('\n'));
      if (breaks) {
        if (from >= 0) pieces.push([from, i - 1]);
        from = blank ? -1 : i;
      } else if (from < 0 && !blank) from = i;
    }
    if (from >= 0) pieces.push([from, b]);
  }
  const sentences: Sentence[] = pieces.map(([a, b], index) => {
    // Tabs and other spacing wink keeps as tokens carry nothing the rules need.
    const st: Tok[] = [];
    const dates: Sentence['dates'] = [];
    for (let i = a; i <= b; i++) {
      const t = toks[i], lx = lexs[i];
      if (!t || !lx || lx.blank) continue;
      st.push(t);
      if (lx.date) dates.push({ start: t.start, end: t.end, text: t.value });
    }
    const start = st[0]?.start ?? 0;
    const end = st[st.length - 1]?.end ?? start;
    return { index: index + firstIndex, start, end, text: text.slice(start, end), first: a, toks: st, dates };
  });
  return { text, sentences };
}

const HEADLINE_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[^\s\p{L}\p{N}]/gu;

/**
 * A headline as one sentence, tokenised without the NLP pass: it is a few
 * words, and the frame rules need no parts of speech there.
 */
export function headline(text: string, end: number): Sentence {
  const toks: Tok[] = [];
  const line = text.slice(0, end).trimEnd();
  for (const m of matchesOf(HEADLINE_TOKEN, line)) {
    // A full stop ends a token unless it is an abbreviation's (U.S., D.C.).
    let v = m[0];
    const stop = v.length > 1 && v.endsWith('.') && !/(?:^|\.)\p{L}\.$/u.test(v);
    if (stop) v = v.slice(0, -1);
    toks.push({ value: v, lower: v.toLowerCase(), pos: 'X', start: m.index, end: m.index + v.length });
    if (stop) toks.push({ value: '.', lower: '.', pos: 'PUNCT', start: m.index + v.length, end: m.index + v.length + 1 });
  }
  return { index: 0, start: 0, end: line.length, text: line, first: 0, toks, dates: [] };
}
