import { expect } from 'vitest';
import { ParseError, type ParseErrorCode } from '../../../src/ingest/parse/index.js';

/** Run (or await) and check a ParseError with this exact code whose message and `source` name the source. */
export async function expectParseError(run: () => unknown, code: ParseErrorCode, source: string): Promise<ParseError> {
  let caught: unknown = null;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ParseError);
  const err = caught as ParseError;
  expect(err.code).toBe(code);
  expect(err.source).toContain(source);
  expect(err.message).toContain(source);
  return err;
}
