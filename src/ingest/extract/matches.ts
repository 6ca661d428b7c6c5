/**
 * Every match of a global pattern, as `text.matchAll(re)` gives them. matchAll makes a copy of
 * the pattern on every call; for the long alternations built from the tables (bodies, topics)
 * the copy cost more than the scan itself, so the scan runs on the pattern as it is.
 *
 * The pattern's lastIndex is 0 before (matchAll starts where the pattern's lastIndex stands, and
 * the patterns passed here are only ever scanned from the start) and after (a failed exec resets it).
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again where it stands: step past it, as matchAll does.
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  return out;
}

/** The next index, a whole code point on when the pattern reads code points (AdvanceStringIndex). */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
