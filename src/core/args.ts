import { UserError, ERROR_CODES } from './errors.js';

/** One word of a command line, after quotes are resolved. */
export interface Token {
  /** `key` for `key:value` words, null for plain words. */
  key: string | null;
  value: string;
  /** Whether the value was quoted (a quoted word is never an operator). */
  quoted: boolean;
  /** The word as typed. */
  raw: string;
}

export interface ParsedLine {
  subcommand: string;
  tokens: Token[];
  positional: string[];
  options: Record<string, string>;
  /** Everything after the subcommand, as typed. */
  argText: string;
}

export const MAX_INPUT_LENGTH = 2000;

const OPEN_QUOTES = new Set(['"', '“', '”', '„']);
const KEY = /^([a-z][a-z0-9_-]{0,31}):(.*)$/is;
// Control characters other than tab/newline arrive from pasted text; they carry no meaning.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;

/** Removes the `/brief` prefix (or any `/name`) and control characters. */
export function normalizeInput(text: string, commandName: string): string {
  let line = text.replace(CONTROL, ' ').trim();
  const prefix = `/${commandName}`;
  if (line.toLowerCase() === prefix) return '';
  if (line.toLowerCase().startsWith(`${prefix} `)) line = line.slice(prefix.length).trim();
  return line;
}

/**
 * Splits a command line into words, honouring straight and curly quotes, and
 * `key:value` / `key:"quoted value"` options.
 */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    const start = i;
    let value = '';
    let quoted = false;
    while (i < line.length && !/\s/.test(line[i]!)) {
      const ch = line[i]!;
      if (OPEN_QUOTES.has(ch)) {
        const close = findClosingQuote(line, i + 1);
        if (close === -1) {
          throw new UserError(
            ERROR_CODES.UNBALANCED_QUOTE,
            `The quote that opens at "${line.slice(i, i + 20)}" is never closed.`,
            'Close it with a matching `"`, or leave quotes out.',
          );
        }
        value += line.slice(i + 1, close);
        quoted = true;
        i = close + 1;
      } else {
        value += ch;
        i++;
      }
    }
    const raw = line.slice(start, i);
    tokens.push(toToken(raw, value, quoted));
  }
  return tokens;
}

function findClosingQuote(line: string, from: number): number {
  for (let j = from; j < line.length; j++) if (OPEN_QUOTES.has(line[j]!)) return j;
  return -1;
}

function toToken(raw: string, value: string, quoted: boolean): Token {
  const match = KEY.exec(raw);
  // `https://...` is a word, not an option named `https`.
  if (match && !match[2]!.startsWith('//')) {
    const key = match[1]!.toLowerCase();
    const rest = value.slice(value.indexOf(':') + 1);
    return { key, value: rest, quoted: quoted || /^["“”„]/.test(match[2]!), raw };
  }
  return { key: null, value, quoted, raw };
}

/** Parses a whole line (without the `/brief` prefix) into subcommand, words and options. */
export function parseLine(line: string): ParsedLine {
  if (line.length > MAX_INPUT_LENGTH) {
    throw new UserError(
      ERROR_CODES.INPUT_TOO_LONG,
      `That command is ${line.length.toLocaleString('en-US')} characters long; the limit is ${MAX_INPUT_LENGTH.toLocaleString('en-US')}.`,
      'Shorten it, for example search for a few distinctive words.',
    );
  }
  const tokens = tokenize(line);
  const first = tokens.shift();
  const subcommand = first ? first.value.toLowerCase() : '';
  const argText = first ? line.slice(line.indexOf(first.raw) + first.raw.length).trim() : '';
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (const token of tokens) {
    if (token.key === null) positional.push(token.value);
    else options[token.key] = token.value;
  }
  return { subcommand, tokens, positional, options, argText };
}
