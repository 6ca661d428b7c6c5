/**
 * Interaction ids seen lately. A gateway resume can replay events, and an
 * interaction answered twice gets 40060 from Discord, so each id is handled once.
 */
export class RecentIds {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 5_000) {}

  /** True the first time an id is claimed, false for a repeat. */
  claim(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      // A Set iterates in insertion order, so the first entry is the oldest.
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
