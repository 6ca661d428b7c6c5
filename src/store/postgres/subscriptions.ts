import type { Subscription, SubscriptionRepo, UserRef } from '../../core/index.js';
import { SUBSCRIPTION_COLUMNS as COLUMNS, toSubscription, type SubscriptionRow } from '../rows/subscriptions.js';
import type { PgDb } from './pg-db.js';

export class PgSubscriptionRepo implements SubscriptionRepo {
  constructor(private readonly db: PgDb) {}

  async add(subscriber: string, filter: string, createdBy: UserRef): Promise<Subscription> {
    const row = await this.db.get<SubscriptionRow>(
      `INSERT INTO subscriptions (subscriber, filter, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      subscriber,
      filter,
      createdBy,
      this.db.now(),
    );
    return toSubscription(row!);
  }

  async remove(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM subscriptions WHERE id = $1', id)) > 0;
  }

  async get(id: number): Promise<Subscription | null> {
    const row = await this.db.get<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = $1`, id);
    return row ? toSubscription(row) : null;
  }

  async listFor(subscriber: string): Promise<Subscription[]> {
    return (await this.db.all<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE subscriber = $1 ORDER BY id`, subscriber)).map(
      toSubscription,
    );
  }

  async listAll(): Promise<Subscription[]> {
    return (await this.db.all<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY subscriber, id`)).map(toSubscription);
  }
}
