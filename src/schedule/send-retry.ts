import { SendError } from '../core/index.js';

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 500, maxMs: 15_000 };

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** True for failures that no retry can fix: the schedule must be paused. */
export function isPermanent(error: unknown): error is SendError {
  return error instanceof SendError && (error.kind === 'gone' || error.kind === 'forbidden');
}

/**
 * Runs `send`, retrying transient and rate-limited failures with exponential
 * backoff (a platform's retry-after wins when it gives one). Permanent failures
 * and exhausted retries are rethrown. Once `signal` aborts no further attempt is
 * made: its reason is thrown instead (a delivery whose lease was lost mid-wait).
 */
export async function withRetry<T>(send: () => Promise<T>, policy: RetryPolicy, sleep: (ms: number) => Promise<void>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await send();
    } catch (error) {
      if (isPermanent(error) || attempt >= policy.attempts) throw error;
      const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
      const wait = error instanceof SendError && error.retryAfterMs !== undefined ? Math.min(policy.maxMs, error.retryAfterMs) : backoff;
      await sleep(wait);
    }
  }
}
