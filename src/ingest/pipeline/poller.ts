import { silentLogger, type Logger, type Store } from '../../core/index.js';
import type { PipelineFetchOptions } from './fetch-options.js';
import { pollSource, type PollOutcome, type PollSourceOptions } from './poll-source.js';
import type { IngestOptions } from './types.js';

export interface PollerOptions {
  store: Store;
  /** Who holds the lease on claimed sources (one id per bot process). */
  owner: string;
  /** FETCH_ALLOW_PRIVATE. */
  allowPrivate?: boolean;
  log?: Logger;
  /** Time between looks for due sources. Default 60 s. */
  intervalMs?: number;
  fetch?: PipelineFetchOptions;
  ingest?: IngestOptions;
  /** Sources claimed per tick. Default 10. */
  batchSize?: number;
  /** How long a claim lasts if this process dies mid-poll. Default 10 min. */
  leaseMs?: number;
  disableAfter?: number;
  jitter?: number;
  now?: () => Date;
  /** Called after each source is polled. */
  onPolled?: (sourceId: number, outcome: PollOutcome) => void;
}

export interface Poller {
  /** Polls the sources due now (also what the timer does); resolves when they are done. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Claims due feed and page sources, polls each, and records health; returns how many were polled. */
export async function pollDue(opts: PollerOptions): Promise<number> {
  const now = (opts.now ?? (() => new Date()))();
  const log = opts.log ?? silentLogger;
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? 600_000)).toISOString();
  const due = await opts.store.sources.claimDue(now.toISOString(), opts.owner, leaseUntil, opts.batchSize ?? 10);
  const pollOpts: PollSourceOptions = {
    fetch: { ...opts.fetch, allowPrivate: opts.allowPrivate ?? opts.fetch?.allowPrivate ?? false },
    ingest: { log, ...opts.ingest },
    ...(opts.disableAfter !== undefined ? { disableAfter: opts.disableAfter } : {}),
    ...(opts.jitter !== undefined ? { jitter: opts.jitter } : {}),
  };
  for (const source of due) {
    const outcome = await pollSource(opts.store, source, now, pollOpts);
    if (outcome.status === 'failed') log.warn({ sourceId: source.id, url: source.url, disabled: outcome.disabled, err: outcome.error }, 'source poll failed');
    else if (outcome.status === 'ok') log.info({ sourceId: source.id, new: outcome.summary.new, failures: outcome.summary.failures.length }, 'source polled');
    opts.onPolled?.(source.id, outcome);
  }
  return due.length;
}

/** Polls due sources every `intervalMs` until stopped; one tick never overlaps the next. */
export function startPoller(opts: PollerOptions): Poller {
  const log = opts.log ?? silentLogger;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = false;

  const tick = (): Promise<number> => {
    running ??= pollDue(opts)
      .catch((error: unknown) => {
        // A store hiccup must not kill the loop; the next tick tries again.
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'poller tick failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().then(schedule);
    }, opts.intervalMs ?? 60_000);
    timer.unref();
  };
  void tick().then(schedule);

  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
