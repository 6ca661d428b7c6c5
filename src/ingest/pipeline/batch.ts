import type { Store } from '../../core/index.js';
import { ingestDocument } from './ingest-document.js';
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
  async ingest(source: string, load: () => Promise<IngestInput>): Promise<IngestResult | null> {
    try {
      const input = await load();
      const result = await ingestDocument(this.store, input, this.opts);
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
