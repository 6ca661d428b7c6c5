export { fetchUrl, FETCH_DEFAULTS, type FetchOptions, type FetchResult, type FetchedText, type NotModified } from './fetch-url.js';
export { FetchError, type FetchErrorCode } from './fetch-error.js';
export { nextPollDelay, shouldDisable, DISABLE_AFTER_FAILURES, type BackoffOptions } from './backoff.js';
export { isPrivateAddress } from './address-guard.js';
export { decodeBody } from './charset.js';
