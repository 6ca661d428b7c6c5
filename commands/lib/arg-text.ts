import type { Request } from '../../src/core/index.js';

/**
 * The argument as typed, without the given `key:value` words (e.g. `for:channel`
 * inside a subscribe filter), so the rest keeps its exact spacing and quotes.
 */
export function argTextWithout(request: Request, keys: readonly string[]): string {
  let text = request.argText;
  for (const token of request.tokens) {
    if (token.key === null || !keys.includes(token.key)) continue;
    const at = text.lastIndexOf(token.raw);
    if (at !== -1) text = `${text.slice(0, at)}${text.slice(at + token.raw.length)}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}
