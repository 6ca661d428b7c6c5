/** What a delivery will send, frozen before the first part goes out. */
export interface DeliverySnapshot {
  /** Meeting ids and document ids included. */
  meetingIds: number[];
  documentIds: number[];
  /** The watermark this delivery moves to once sent. */
  watermarkTo: number;
  /** Rendered parts, in the platform's own payload form, sent in order. */
  parts: unknown[];
}

export type DeliveryStatus = 'claimed' | 'composed' | 'sent' | 'failed' | 'empty';

export interface Delivery {
  id: number;
  subscriber: string;
  digest: string;
  /** The scheduled instant, ISO UTC. */
  slot: string;
  owner: string;
  leaseUntil: string;
  status: DeliveryStatus;
  snapshot: DeliverySnapshot | null;
  /** Platform message ids of parts already sent, by part index. */
  sentParts: Record<number, string>;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface DeliveryRepo {
  /**
   * Claims (subscriber, digest, slot) for `owner`. Returns the delivery when this
   * caller won it (new, or an unfinished one whose lease expired), null otherwise.
   */
  claim(key: { subscriber: string; digest: string; slot: string }, owner: string, leaseUntil: string, now: string): Promise<Delivery | null>;
  /**
   * Moves the lease of an unfinished delivery to `leaseUntil`, but only while
   * `owner` still holds it. False when another process took it over or it is
   * finished: the caller must stop working on it.
   */
  renew(id: number, owner: string, leaseUntil: string): Promise<boolean>;
  get(id: number): Promise<Delivery | null>;
  saveSnapshot(id: number, snapshot: DeliverySnapshot): Promise<void>;
  recordPart(id: number, part: number, messageId: string): Promise<void>;
  /** Marks it sent (or empty) and moves the watermark, in one transaction. */
  finish(id: number, status: 'sent' | 'empty', now: string): Promise<void>;
  fail(id: number, error: string, now: string): Promise<void>;
  /** Unfinished deliveries whose lease ran out before `now` (for recovery). */
  expired(now: string): Promise<Delivery[]>;
  /** The latest slot delivered or claimed for (subscriber, digest). */
  lastSlot(subscriber: string, digest: string): Promise<string | null>;
  /** Sent deliveries for a subscriber that included the meeting, newest first. */
  containing(subscriber: string, meetingId: number): Promise<Delivery[]>;
  getWatermark(subscriber: string, digest: string): Promise<number>;
}
