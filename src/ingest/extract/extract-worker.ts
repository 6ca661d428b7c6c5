import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentInput, Extraction, TopicDef } from '../../core/index.js';
import type { extractorFor } from './extractor-for.js';

/** What the thread is started with (workerData). */
export interface WorkerSetup {
  /** The user's topics, compiled here as the taxonomy does on the main thread. */
  topics: TopicDef[];
  /** A stand-in extractor module's path (tests), or null for the real extractor. */
  module: string | null;
}

export interface ExtractRequest {
  id: number;
  input: DocumentInput;
}

/** The answer to one request, with the time the extractor took on the thread. */
export type ExtractResponse = { id: number; ms: number } & ({ extraction: Extraction } | { error: string });

type Extract = (input: DocumentInput) => Extraction;

// The thread loads modules through tsx's require hook (see the bootstrap), so with require.
const load = createRequire(import.meta.url);
const WARM_UP: DocumentInput = { text: 'ROME, 3 March - The Small Group met in Rome on 3 March 2031, chaired by Italy.', title: 'The Small Group meets in Rome', published: null };

function extractor(setup: WorkerSetup): Extract {
  if (setup.module) return (load(setup.module) as { createExtractor(topics: TopicDef[]): Extract }).createExtractor(setup.topics);
  return (load('./extractor-for.js') as { extractorFor: typeof extractorFor }).extractorFor(setup.topics);
}

/**
 * Building the gazetteer on the first document leaves some 60 MB of garbage that V8 would
 * otherwise keep for the thread's whole life, sizing its heap from it: one collection after a
 * warm-up returns it. The flag only exposes `gc` to the new context asked for it.
 */
function warmUp(extract: Extract): void {
  try {
    extract(WARM_UP);
  } catch {
    // A stand-in extractor may refuse it; the real one is answered per document anyway.
  }
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

if (parentPort) {
  const port = parentPort;
  const extract = extractor(workerData as WorkerSetup);
  warmUp(extract);
  port.on('message', ({ id, input }: ExtractRequest) => {
    const t0 = performance.now();
    let response: ExtractResponse;
    try {
      const extraction = extract(input);
      response = { id, ms: performance.now() - t0, extraction };
    } catch (error) {
      // One document's failure is that document's: the thread goes on with the next.
      response = { id, ms: performance.now() - t0, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(response);
  });
}
