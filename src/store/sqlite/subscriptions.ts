import type { Subscription, SubscriptionRepo, UserRef } from '../../core/index.js';
import type { Db } from './db.js';
import { SUBSCRIPTION_COLUMNS as COLUMNS, toSubscription, type SubscriptionRow } from '../rows/subscriptions.js';

export class SqliteSubscriptionRepo implements SubscriptionRepo {
  constructor(private readonly db: Db) {}

  async add(subscriber: string, filter: string, createdBy: UserRef): Promise<Subscription> {
    const row = this.db.get<SubscriptionRow>(
      `INSERT INTO subscriptions (subscriber, filter, created_by, created_at) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`,
      subscriber,
      filter,
      createdBy,
      this.db.now(),
    );
    return toSubscription(row!);
  }

  async remove(id: number): Promise<boolean> {
    return this.db.run('DELETE FROM subscriptions WHERE id = ?', id).changes > 0;
  }

  async get(id: number): Promise<Subscription | null> {
    const row = this.db.get<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`, id);
    return row ? toSubscription(row) : null;
  }

  async listFor(subscriber: string): Promise<Subscription[]> {
    return this.db.all<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE subscriber = ? ORDER BY id`, subscriber).map(toSubscription);
  }

  async listAll(): Promise<Subscription[]> {
    return this.db.all<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY subscriber, id`).map(toSubscription);
  }
}
