import type { Reply } from './reply.js';

export interface ReplyCacheOptions {
  /** How long an answer may be reused; 0 turns the cache off. */
  ttlMs: number;
  /** Distinct command lines kept; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  /** The store's last document sequence when the answer was made. */
  seq: number;
  reply: Promise<Reply>;
}

/**
 * Answers to read-only commands, reused while nothing new is stored and for at
 * most `ttlMs`. Under load the same question arrives many times a second
 * (a digest lands, a whole channel types `/brief meetings`); one query and one
 * rendering then serve all of them. Concurrent askers of the same line share
 * one computation. A failed computation is forgotten at once.
 */
export class ReplyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly max: number;
  private readonly now: () => number;

  constructor(private readonly options: ReplyCacheOptions) {
    this.max = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  /** The cached answer to `key` made at store sequence `seq`, or a fresh one from `make`. */
  answer(key: string, seq: number, make: () => Promise<Reply>): Promise<Reply> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.seq === seq && now - hit.at < this.options.ttlMs) return hit.reply;
    if (hit) this.entries.delete(key);
    else if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    const reply = make();
    const entry: Entry = { at: now, seq, reply };
    this.entries.set(key, entry);
    reply.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return reply;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** `read`, called at most once per `ms`; callers in between share its last result. A failure is not kept. */
export function atMostEvery<T>(ms: number, now: () => number, read: () => Promise<T>): () => Promise<T> {
  let at = -Infinity;
  let last: Promise<T> | undefined;
  return () => {
    const t = now();
    if (last === undefined || t - at >= ms) {
      at = t;
      last = read();
      last.catch(() => {
        at = -Infinity;
      });
    }
    return last;
  };
}

/** Makes a shared answer read-only, so one reader cannot change what the next one gets. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Wraps a platform's renderer so a shared (frozen, i.e. cached) answer is
 * rendered once, not once per asker; any other reply is rendered every time.
 */
export function renderSharedOnce<T>(render: (reply: Reply) => T[]): (reply: Reply) => readonly T[] {
  const rendered = new WeakMap<Reply, readonly T[]>();
  return (reply) => {
    if (!Object.isFrozen(reply)) return render(reply);
    let parts = rendered.get(reply);
    if (!parts) {
      parts = deepFreeze(render(reply));
      rendered.set(reply, parts);
    }
    return parts;
  };
}
