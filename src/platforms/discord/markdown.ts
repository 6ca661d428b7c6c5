import { spansOf, type Rich } from '../../core/index.js';

const ZWSP = '\u200b';

/**
 * Escapes ingested text for Discord markdown and breaks anything that could read
 * as a mention. allowed_mentions is the real guarantee; this keeps the text from
 * even looking like a ping or a masked link. discord.js's escapeMarkdown is not
 * used: it took 800 ms on one 9,000-character line here, and it is pair-based,
 * whereas escaping every marker character is linear and leaves nothing to pair.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\*_~|`[\]]/g, '\\$&')
    .replace(/^(\s*)([>#-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<([@#])/g, `<${ZWSP}$1`);
}

/** Only web links become masked links; anything else is shown as text. */
export function safeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // Parentheses and spaces would end the `(url)` part of a masked link early.
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

export function link(text: string, url: string): string {
  const href = safeUrl(url);
  const label = escapeText(text.trim() || url);
  return href ? `[${label}](${href})` : label;
}

/** Inline content as Discord markdown. */
export function richToMarkdown(rich: Rich): string {
  return spansOf(rich)
    .map((span) => {
      if (typeof span === 'string') return escapeText(span);
      if ('cite' in span) return `\\[${span.cite}\\]`;
      if ('url' in span) return link(span.text, span.url);
      return `**${escapeText(span.text)}**`;
    })
    .join('');
}
