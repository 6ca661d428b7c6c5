import { createHash } from 'node:crypto';
import { normalizeForHash } from './normalize.js';

/** SHA-256 (hex) of the text with case, whitespace, quotes and dashes normalized: equal for exact copies re-typeset. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex');
}
