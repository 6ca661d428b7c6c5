import { expect } from 'vitest';
import { FetchError, type FetchErrorCode } from '../../../src/ingest/fetch/index.js';

/** Await a rejection and check it is a FetchError with this exact code whose message names the URL. */
export async function expectFetchError(promise: Promise<unknown>, code: FetchErrorCode, url: string): Promise<FetchError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected FetchError ${code}, but the fetch succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  const fe = err as FetchError;
  expect(fe.code).toBe(code);
  expect(fe.message).toContain(url);
  return fe;
}
