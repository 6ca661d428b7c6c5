import { compileFilter, parseFilter, type CompiledFilter, type Logger, type Subscription } from '../core/index.js';

/**
 * Compiles subscription filters, once per distinct filter text. A stored filter
 * that no longer parses (the language changed) is logged and matches nothing,
 * rather than stopping everyone's digest.
 */
export class FilterCache {
  private readonly compiled = new Map<string, CompiledFilter | null>();

  constructor(private readonly log: Logger) {}

  get(filter: string): CompiledFilter | null {
    if (!this.compiled.has(filter)) {
      let fn: CompiledFilter | null = null;
      try {
        fn = compileFilter(parseFilter(filter));
      } catch (error) {
        this.log.warn({ filter, err: error }, 'stored subscription filter does not parse; ignoring it');
      }
      this.compiled.set(filter, fn);
    }
    return this.compiled.get(filter)!;
  }

  forSubscriptions(subscriptions: readonly Subscription[]): CompiledFilter[] {
    return subscriptions.map((s) => this.get(s.filter)).filter((f): f is CompiledFilter => f !== null);
  }
}
