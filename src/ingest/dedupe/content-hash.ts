import { createHash } from 'node:crypto';
import { normalizeForHash } from './normalize.js';

/** SHA-256 (hex) of the text with case, whitespace, quotes and dashes normalized: equal for exact copies re-typeset. */
export function contentHash(text: string): string {
  return contentHashOfNormalized(normalizeForHash(text));
}

/** `contentHash` of a text already passed through `normalizeForHash`. */
export function contentHashOfNormalized(normalized: string): string {
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
