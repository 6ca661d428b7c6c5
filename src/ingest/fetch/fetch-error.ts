/** Stable reasons a fetch can fail; callers switch on these, so never rename one. */
export type FetchErrorCode =
  | 'bad-url'
  | 'bad-scheme'
  | 'private-address'
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'binary';

/** The one error type `fetchUrl` throws; `code` is stable, `message` names the URL and a remedy. */
export class FetchError extends Error {
  override readonly name = 'FetchError';

  constructor(
    readonly code: FetchErrorCode,
    /** The URL being fetched when it failed (after redirects, the hop that failed). */
    readonly url: string,
    message: string,
    /** The HTTP status, for `http-status` errors. */
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
