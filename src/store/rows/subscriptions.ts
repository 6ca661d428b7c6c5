import type { Subscription } from '../../core/index.js';

export interface SubscriptionRow {
  id: number;
  subscriber: string;
  filter: string;
  created_by: string;
  created_at: string;
}

export const SUBSCRIPTION_COLUMNS = 'id, subscriber, filter, created_by, created_at';

export function toSubscription(row: SubscriptionRow): Subscription {
  return { id: row.id, subscriber: row.subscriber, filter: row.filter, createdBy: row.created_by, createdAt: row.created_at };
}
