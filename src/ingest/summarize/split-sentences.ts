/** A sentence as a slice of the text: `text === source.slice(start, end)`. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

// Words that end in a full stop without ending the sentence.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st gen lt col maj capt sgt adm gov sen rep amb prof jr sr no vs etc inc ltd co corp dept est approx jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e'.split(' '),
);

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i]!)) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  // A lone capital ("J. Smith", "U.S.") is an initial, not an ending.
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]?$/.test(word);
}

/**
 * Cheap sentence spans for choosing summary sentences: paragraph breaks always end
 * a sentence; `. ! ?` do when the next word starts a new sentence. Offsets point into
 * the original text so every span is quoted verbatim.
 */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const push = (from: number, to: number): void => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) spans.push({ text: text.slice(from, to), start: from, end: to });
  };
  let start = 0;
  const boundary = /([.!?]+["'\u201d\u2019)\]]*)(\s+)(?=["'\u201c\u2018(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*\u2022])/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    if (m[1]) {
      const dot = m.index + m[1].search(/[.!?]/);
      if (text[dot] === '.' && endsWithAbbreviation(text, dot)) continue;
      push(start, m.index + m[1].length);
    } else {
      push(start, m.index);
    }
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return spans;
}
