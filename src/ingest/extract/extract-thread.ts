import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentInput, Extraction, TopicDef } from '../../core/index.js';
import type { ExtractRequest, ExtractResponse, WorkerSetup } from './extract-worker.js';

/** The extractor on a worker thread: documents go in, their Extraction comes back. */
export interface ExtractorThread {
  /** Extracts one document on the thread; rejects with the extractor's own message if it throws. */
  extract(input: DocumentInput): Promise<Extraction>;
  /** Ends the thread; requests still pending are rejected. A later `extract` starts a new one. */
  close(): Promise<void>;
  /** Documents answered so far and the time the extractor spent on them, on the thread. */
  stats(): { documents: number; busyMs: number };
}

export interface ExtractorThreadOptions {
  /** The user's topics (TOPICS_FILE), compiled on the thread with the built-in ones. */
  topics?: readonly TopicDef[];
  /**
   * A module exporting `createExtractor(topics)` to run instead of the real extractor: a
   * stand-in whose behaviour a test controls (throwing, crashing the thread).
   */
  module?: URL;
}

// A plain CommonJS entry that registers tsx before loading the TypeScript worker: the thread
// then loads our sources under the `briefbot` bin, `node --import tsx` and vitest alike.
const BOOTSTRAP = new URL('./extract-worker-bootstrap.cjs', import.meta.url);

/**
 * The thread's heap, bounded: V8 would otherwise grow it for a while on the extractor's
 * garbage, and the whole process (this thread's heap beside the main one's) is what the
 * memory budget counts. The old space holds the extractor's tables (some 35 MB) and leaves
 * room for the largest file ingested (5 MB of text needs about 200 MB); a small young space
 * costs the extractor nothing measurable.
 */
const HEAP = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };

interface Pending {
  settle(response: ExtractResponse): void;
  reject(error: Error): void;
}

/**
 * Starts the thread on the first request, not before: a process that never ingests pays
 * nothing. The thread holds the process open only while requests are pending; idle, it is
 * unref'd, so a command that forgot to close it still exits. If the thread dies (a crash in
 * the extractor, out of memory), the requests it held are rejected and the next request
 * starts a fresh thread.
 */
export function startExtractorThread(options: ExtractorThreadOptions = {}): ExtractorThread {
  const setup: WorkerSetup = { topics: [...(options.topics ?? [])], module: options.module ? fileURLToPath(options.module) : null };
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 0;
  const totals = { documents: 0, busyMs: 0 };

  const failAll = (error: Error): void => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(error);
  };

  const spawn = (): Worker => {
    // execArgv empty: the bootstrap registers tsx itself (an inherited --import tsx would start
    // a loader thread for this one, for nothing but memory).
    const w = new Worker(BOOTSTRAP, { workerData: setup, execArgv: [], resourceLimits: HEAP });
    w.on('message', (message: ExtractResponse) => {
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if (pending.size === 0) w.unref();
      totals.documents++;
      totals.busyMs += message.ms;
      p.settle(message);
    });
    w.on('error', (error) => {
      // Only the current thread's failure concerns the requests pending (a closed one's cannot).
      if (worker !== w) return;
      worker = null;
      failAll(new Error(`the extractor thread failed: ${error.message}`, { cause: error }));
    });
    w.on('exit', (code) => {
      if (worker !== w) return;
      worker = null;
      failAll(new Error(`the extractor thread stopped (exit code ${code})`));
    });
    return w;
  };

  const request = (input: DocumentInput): Promise<ExtractResponse> => {
    const w = (worker ??= spawn());
    const id = nextId++;
    // Only what the extractor reads crosses over: the stored document's other fields stay here.
    const message: ExtractRequest = { id, input: { text: input.text, title: input.title, published: input.published, url: input.url } };
    return new Promise<ExtractResponse>((settle, reject) => {
      pending.set(id, { settle, reject });
      if (pending.size === 1) w.ref();
      w.postMessage(message);
    });
  };

  return {
    async extract(input) {
      const answer = await request(input);
      if ('error' in answer) throw new Error(answer.error);
      return answer.extraction;
    },
    async close() {
      const w = worker;
      worker = null;
      if (!w) return;
      failAll(new Error('the extractor thread was closed'));
      await w.terminate();
    },
    stats: () => ({ ...totals }),
  };
}
