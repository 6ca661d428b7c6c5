export type SourceKind = 'feed' | 'page';

export interface Source {
  id: number;
  kind: SourceKind;
  url: string;
  title: string | null;
  pollIntervalSec: number;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: string | null;
  lastNewItemAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** Set when the source was disabled after repeated failures. */
  disabledAt: string | null;
  disabledReason: string | null;
  /** Whether channels were told the source was disabled (told once). */
  disabledAnnounced: boolean;
  nextPollAt: string;
  addedBy: string | null;
  createdAt: string;
}

export interface NewSource {
  kind: SourceKind;
  url: string;
  title?: string | null;
  pollIntervalSec: number;
  addedBy?: string | null;
}

export type SourceHealth = Partial<
  Pick<
    Source,
    | 'title'
    | 'etag'
    | 'lastModified'
    | 'lastFetchedAt'
    | 'lastNewItemAt'
    | 'consecutiveFailures'
    | 'lastError'
    | 'disabledAt'
    | 'disabledReason'
    | 'disabledAnnounced'
    | 'nextPollAt'
  >
>;

export interface SourceRepo {
  /** Adds a source, or returns the existing one with the same URL. */
  add(source: NewSource): Promise<Source>;
  remove(id: number): Promise<boolean>;
  get(id: number): Promise<Source | null>;
  findByUrl(url: string): Promise<Source | null>;
  list(): Promise<Source[]>;
  updateHealth(id: number, health: SourceHealth): Promise<void>;
  /**
   * Takes up to `limit` enabled sources due at `now` for polling, leasing each to
   * `owner` until `leaseUntil` so no other replica polls them meanwhile.
   */
  claimDue(now: string, owner: string, leaseUntil: string, limit: number): Promise<Source[]>;
}
