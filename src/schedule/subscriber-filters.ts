import { parseFilter, type FilterNode, type FilterTopic, type Logger, type Subscription } from '../core/index.js';

/**
 * Parses subscription filters, once per distinct filter text (the parsed node is
 * also the key under which a window caches what the filter matched). A stored
 * filter that no longer parses (the language changed) is logged and matches
 * nothing, rather than stopping everyone's digest.
 */
export class FilterCache {
  private readonly parsed = new Map<string, FilterNode | null>();

  constructor(
    private readonly log: Logger,
    private readonly topics?: readonly FilterTopic[],
  ) {}

  get(filter: string): FilterNode | null {
    if (!this.parsed.has(filter)) {
      let node: FilterNode | null = null;
      try {
        node = this.parse(filter);
      } catch (error) {
        this.log.warn({ filter, err: error }, 'stored subscription filter does not parse; ignoring it');
      }
      // Bounded: filters of removed subscriptions should not pile up forever.
      if (this.parsed.size >= 50_000) this.parsed.clear();
      this.parsed.set(filter, node);
    }
    return this.parsed.get(filter)!;
  }

  /** Labels resolve to ids; a topic since dropped from the list is kept as written, not fatal. */
  private parse(filter: string): FilterNode {
    if (!this.topics) return parseFilter(filter);
    try {
      return parseFilter(filter, { topics: this.topics });
    } catch {
      return parseFilter(filter);
    }
  }

  forSubscriptions(subscriptions: readonly Subscription[]): FilterNode[] {
    return subscriptions.map((s) => this.get(s.filter)).filter((f): f is FilterNode => f !== null);
  }
}
