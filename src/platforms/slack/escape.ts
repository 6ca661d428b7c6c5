import { spansOf, type Rich } from '../../core/index.js';

/**
 * Slack mrkdwn escaping. Only `&`, `<` and `>` are control characters; escaping
 * them is what stops ingested text from forming `<!channel>`, `<@U…>` or links.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Longer URLs are shown as text: a link token must stay far below a section's 3,000. */
const MAX_URL = 1_000;
const MAX_LINK_TEXT = 300;

/**
 * A URL safe inside `<url|text>`, or null when it cannot be a link. Characters
 * that would end the token early are percent-encoded; only http(s) is linked.
 */
export function safeUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url) || url.length > MAX_URL || /\s/.test(url)) return null;
  return url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/&/g, '&amp;');
}

export function linkMrkdwn(text: string, url: string): string {
  const safe = safeUrl(url);
  const label = truncatePlain(text.trim() || url, MAX_LINK_TEXT);
  if (!safe) return escapeMrkdwn(label === url ? url : `${label} (${url})`);
  return `<${safe}|${escapeMrkdwn(label)}>`;
}

/** Inline content as escaped mrkdwn. */
export function richToMrkdwn(rich: Rich): string {
  return spansOf(rich)
    .map((span) => {
      if (typeof span === 'string') return escapeMrkdwn(span);
      if ('cite' in span) return `[${span.cite}]`;
      if ('url' in span) return linkMrkdwn(span.text, span.url);
      // Bold markers inside the text would end the bold run early.
      const inner = span.text.replace(/\*/g, '∗').trim();
      return inner ? `*${escapeMrkdwn(inner)}*` : '';
    })
    .join('');
}

/** Cuts plain text to `max` characters with an ellipsis, never inside a surrogate pair. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/**
 * Where mrkdwn may be cut: outside `<…>` tokens and `&…;` entities and not inside
 * a surrogate pair. Returns the best cut at or before `max`, preferring a line
 * break, then a space.
 */
export function cutPoint(mrkdwn: string, max: number): number {
  if (mrkdwn.length <= max) return mrkdwn.length;
  let inToken = false;
  let entityStart = -1;
  let lastNewline = -1;
  let lastSpace = -1;
  let lastSafe = 0;
  for (let i = 0; i < max; i += 1) {
    const ch = mrkdwn[i];
    if (ch === '<') inToken = true;
    else if (ch === '>') inToken = false;
    else if (ch === '&') entityStart = i;
    else if (ch === ';') entityStart = -1;
    const next = i + 1;
    const safeAfter = !inToken && entityStart === -1 && !isLowSurrogate(mrkdwn.charCodeAt(next));
    if (!safeAfter) continue;
    lastSafe = next;
    if (ch === '\n') lastNewline = next;
    else if (ch === ' ') lastSpace = next;
  }
  const floor = Math.floor(max / 2);
  if (lastNewline > floor) return lastNewline;
  if (lastSpace > floor) return lastSpace;
  return lastSafe > 0 ? lastSafe : max;
}

/** Splits mrkdwn into chunks of at most `max` characters at safe points. */
export function splitMrkdwn(mrkdwn: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = mrkdwn;
  while (rest.length > max) {
    const at = cutPoint(rest, max);
    chunks.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length || chunks.length === 0) chunks.push(rest);
  return chunks.filter((c, i) => c.length > 0 || i === 0);
}

/** Shortens mrkdwn to `max` characters (ellipsis included) at a safe point. */
export function truncateMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  return `${mrkdwn.slice(0, cutPoint(mrkdwn, max - 1)).trimEnd()}…`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
