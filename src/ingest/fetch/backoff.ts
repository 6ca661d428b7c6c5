export interface BackoffOptions {
  /** Longest delay ever returned, in seconds. Default 24 h. */
  maxSec?: number;
  /** Spread each delay by up to ±this fraction (0–1) so many failing sources do not retry in step. Default 0. */
  jitter?: number;
  /** Random source in [0, 1), injectable for tests. Default Math.random. */
  random?: () => number;
}

/** Failures in a row after which a source is disabled until someone looks at it. */
export const DISABLE_AFTER_FAILURES = 5;

/** Seconds until the next poll: the base interval after a success, doubling with each consecutive failure, capped, optionally jittered. */
export function nextPollDelay(consecutiveFailures: number, baseIntervalSec: number, opts: BackoffOptions = {}): number {
  const max = opts.maxSec ?? 24 * 3600;
  const failures = Math.max(0, Math.floor(consecutiveFailures));
  // 2^failures overflows long before it matters; the cap makes anything past 30 moot.
  const raw = baseIntervalSec * 2 ** Math.min(failures, 30);
  const capped = Math.min(raw, max);
  const jitter = Math.min(Math.max(opts.jitter ?? 0, 0), 1);
  if (jitter === 0) return capped;
  const r = (opts.random ?? Math.random)();
  const spread = capped * jitter * (2 * r - 1);
  return Math.max(1, Math.min(max, Math.round(capped + spread)));
}

/** True once a source has failed too many times in a row to keep polling it. */
export function shouldDisable(consecutiveFailures: number, threshold: number = DISABLE_AFTER_FAILURES): boolean {
  return consecutiveFailures >= threshold;
}
