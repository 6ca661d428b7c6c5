import type { Store } from '../../core/index.js';
import { ingestDocument, ingestPrepared, type ReadyDocument } from './ingest-document.js';
import { countFailure, countResult, emptySummary } from './summary.js';
import type { BatchOptions, IngestInput, IngestResult, IngestSummary } from './types.js';

/** Counts a batch as it runs and reports progress after every item. */
export class Batch {
  readonly summary: IngestSummary = emptySummary();
  private done = 0;
  private total = 0;

  constructor(
    private readonly store: Store,
    private readonly opts: BatchOptions,
  ) {}

  /** More items became known (a folder listed, a feed read). */
  expect(count: number): void {
    this.total += count;
  }

  /** Ingests one item; a failure is recorded against `source` and never thrown. */
  ingest(source: string, load: () => Promise<IngestInput>): Promise<IngestResult | null> {
    return this.settle(source, async () => ingestDocument(this.store, await load(), this.opts));
  }

  /** Ingests a document a ReadAhead loaded (and maybe extracted) ahead; failures as in `ingest`. */
  ingestReady(source: string, ready: Promise<ReadyDocument>): Promise<IngestResult | null> {
    return this.settle(source, async () => ingestPrepared(this.store, await ready, this.opts));
  }

  private async settle(source: string, run: () => Promise<IngestResult>): Promise<IngestResult | null> {
    try {
      const result = await run();
      this.record(source, result);
      return result;
    } catch (error) {
      this.fail(source, error);
      return null;
    }
  }

  /** Records an item settled without ingesting it again (e.g. a feed link already stored). */
  record(source: string, result: IngestResult): void {
    countResult(this.summary, result);
    this.step(source);
  }

  /** Records a failure of something that was not one document (a missing folder, a feed that will not parse). */
  fail(source: string, error: unknown): void {
    countFailure(this.summary, source, error);
    this.opts.log?.warn({ source, err: error instanceof Error ? error.message : String(error) }, 'ingest failed');
    this.step(source);
  }

  private step(source: string): void {
    this.done++;
    this.total = Math.max(this.total, this.done);
    this.opts.onProgress?.({ done: this.done, total: this.total, source, summary: this.summary });
  }
}
