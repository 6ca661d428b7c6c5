import { fingerprintText, RecentTexts, RECENT_TEXTS } from '../dedupe/index.js';
import { extractionInput, inThreadExtract, prepareDocument, type ReadyDocument } from './ingest-document.js';
import type { BatchOptions, ExtractFn, IngestInput } from './types.js';

/**
 * Documents read ahead by the bulk drivers. Enough to keep the extractor thread busy through
 * a slow store write or a commit; few enough that the texts and extractions held stay small.
 */
export const READ_AHEAD = 16;

/**
 * Loads documents in order and keeps the next `readAhead` of them loaded with their extraction
 * requested, so the extractor thread works on those while the main thread stores the current
 * one. Dedupe still decides at each document's turn. A document that repeats one read just
 * before is not extracted ahead: it will almost surely be found a copy, and if it is not, it is
 * extracted at its turn. With a window of 0 nothing happens ahead: each document is loaded when
 * taken and extracted only if it is new, as ingestDocument does.
 */
export class ReadAhead {
  private readonly started = new Map<number, Promise<ReadyDocument>>();
  private next = 0;
  private readonly extract: ExtractFn;
  private readonly window: number;
  private readonly recent = new RecentTexts(RECENT_TEXTS);

  constructor(
    private readonly loads: ReadonlyArray<() => Promise<IngestInput>>,
    opts: Pick<BatchOptions, 'extract' | 'readAhead'> = {},
  ) {
    this.extract = opts.extract ?? inThreadExtract;
    this.window = opts.readAhead ?? 0;
  }

  /** Document `i`, taken in order (0, 1, 2...); rejects as its load or preparation failed. */
  take(i: number): Promise<ReadyDocument> {
    for (; this.next <= Math.min(i + this.window, this.loads.length - 1); this.next++) {
      const ready = this.start(this.next);
      // Taken later: a failed load waits to be reported in its turn, not as an unhandled rejection now.
      ready.catch(() => {});
      this.started.set(this.next, ready);
    }
    const ready = this.started.get(i);
    if (!ready) throw new Error(`document ${i} was taken already or out of order`);
    this.started.delete(i);
    return ready;
  }

  private async start(i: number): Promise<ReadyDocument> {
    const prepared = prepareDocument(await this.loads[i]!());
    const extractNow = () => this.extract(extractionInput(prepared));
    if (this.window === 0) return { prepared, keys: () => fingerprintText(prepared.text), extraction: extractNow };
    const keys = fingerprintText(prepared.text);
    const repeat = this.recent.repeats(prepared.urls, keys);
    this.recent.add(prepared.urls, keys);
    if (repeat) return { prepared, keys: () => keys, extraction: extractNow };
    // Async even around an extractor that throws at once: its failure is the document's, at its turn.
    const requested = (async () => extractNow())();
    // A copy never awaits its extraction; its failure must not surface as unhandled.
    requested.catch(() => {});
    return { prepared, keys: () => keys, extraction: () => requested };
  }
}
