import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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
  /** wink-nlp DATE entities that fall in this sentence, as [start, end) offsets. */
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
 * Only the annotations the rules read: sentences, parts of speech and
 * entities. wink's default pipe also runs negation and sentiment, which no
 * rule uses and which cost a fifth of each pass.
 */
export const PIPE = ['sbd', 'pos', 'ner'] as const;

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
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    const found = text.indexOf(v, at);
    // Only whitespace separates tokens; a far match means the value was normalised, so stay put.
    const start = found >= 0 && found - at <= MAX_GAP ? found : at;
    if (nl >= 0 && nl < at) nl = text.indexOf('\n', at);
    lineBreakBefore[i] = nl >= 0 && nl < start;
    toks[i] = { value: v, lower: v.toLowerCase(), pos: pos[i] ?? 'X', start, end: start + v.length };
    at = start + v.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  // Headlines, datelines and paragraphs end at a line break even without a full stop;
  // wink keeps line breaks as whitespace tokens, which no sentence needs.
  const pieces: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    let from = -1;
    for (let i = a; i <= b; i++) {
      const v = values[i] ?? '';
      const blank = v.trim() === '';
      const breaks = lineBreakBefore[i] || (blank && v.includes('\n'));
      if (breaks) {
        if (from >= 0) pieces.push([from, i - 1]);
        from = blank ? -1 : i;
      } else if (from < 0 && !blank) from = i;
    }
    if (from >= 0) pieces.push([from, b]);
  }
  const sentences: Sentence[] = pieces.map(([a, b], index) => {
    index += firstIndex;
    // Tabs and other spacing wink keeps as tokens carry nothing the rules need.
    const st = toks.slice(a, b + 1).filter((t) => t.value.trim() !== '');
    const start = st[0]?.start ?? 0;
    const end = st[st.length - 1]?.end ?? start;
    return { index, start, end, text: text.slice(start, end), first: a, toks: st, dates: [] };
  });
  const ents = doc.entities().out(its.type) as unknown as string[];
  const entSpans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  let s = 0;
  ents.forEach((e, k) => {
    if (e !== 'DATE') return;
    const span = entSpans[k];
    if (!span) return;
    const a = toks[span[0]], b = toks[span[1]];
    if (!a || !b) return;
    while (s < sentences.length - 1 && (sentences[s]?.end ?? 0) <= a.start) s++;
    sentences[s]?.dates.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end) });
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
  for (const m of line.matchAll(HEADLINE_TOKEN)) {
    // A full stop ends a token unless it is an abbreviation's (U.S., D.C.).
    let v = m[0];
    const stop = v.length > 1 && v.endsWith('.') && !/(?:^|\.)\p{L}\.$/u.test(v);
    if (stop) v = v.slice(0, -1);
    toks.push({ value: v, lower: v.toLowerCase(), pos: 'X', start: m.index, end: m.index + v.length });
    if (stop) toks.push({ value: '.', lower: '.', pos: 'PUNCT', start: m.index + v.length, end: m.index + v.length + 1 });
  }
  return { index: 0, start: 0, end: line.length, text: line, first: 0, toks, dates: [] };
}
