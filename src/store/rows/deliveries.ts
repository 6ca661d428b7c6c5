import type { Delivery, DeliverySnapshot, DeliveryStatus } from '../../core/index.js';
import { fromJson } from './values.js';

export interface DeliveryRow {
  id: number;
  subscriber: string;
  digest: string;
  slot: string;
  owner: string;
  lease_until: string;
  status: string;
  snapshot: string | null;
  sent_parts: string;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export const DELIVERY_COLUMNS = 'id, subscriber, digest, slot, owner, lease_until, status, snapshot, sent_parts, error, created_at, finished_at';

/** A delivery still owned by a sender; both dialects read this predicate alike. */
export const UNFINISHED = "status IN ('claimed', 'composed')";

/** The same test as UNFINISHED, on a row already read. */
export function isUnfinished(row: Pick<DeliveryRow, 'status'>): boolean {
  return row.status === 'claimed' || row.status === 'composed';
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    subscriber: row.subscriber,
    digest: row.digest,
    slot: row.slot,
    owner: row.owner,
    leaseUntil: row.lease_until,
    status: row.status as DeliveryStatus,
    snapshot: fromJson<DeliverySnapshot>(row.snapshot),
    sentParts: fromJson<Record<number, string>>(row.sent_parts) ?? {},
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
