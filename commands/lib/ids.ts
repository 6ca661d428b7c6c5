import { ERROR_CODES, UserError } from '../../src/core/index.js';
import { echo } from './text.js';

const ID = /^#?(\d{1,12})$/;

/** A meeting, subscription or source id as users type it: `42` or `#42`. Null when not an id. */
export function parseId(word: string): number | null {
  const match = ID.exec(word.trim());
  if (!match) return null;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Like parseId, but a user error when the word is not an id. */
export function requireId(word: string | undefined, what: string, hint: string): number {
  const id = word === undefined ? null : parseId(word);
  if (id === null) {
    throw new UserError(
      word === undefined ? ERROR_CODES.MISSING_ARGUMENT : ERROR_CODES.BAD_OPTION,
      word === undefined ? `Which ${what}? Give its id, such as \`#12\`.` : `\`${echo(word)}\` is not a ${what} id; ids look like \`#12\`.`,
      hint,
    );
  }
  return id;
}

export const ref = (id: number): string => `#${id}`;
