import type { UserRef } from '../channel.js';

export interface Subscription {
  id: number;
  /** `subscriberKey()` of the channel or user the digests go to. */
  subscriber: string;
  /** The filter as the user typed it. */
  filter: string;
  createdBy: UserRef;
  createdAt: string;
}

export interface SubscriptionRepo {
  add(subscriber: string, filter: string, createdBy: UserRef): Promise<Subscription>;
  remove(id: number): Promise<boolean>;
  get(id: number): Promise<Subscription | null>;
  listFor(subscriber: string): Promise<Subscription[]>;
  /** Every subscription, grouped by the caller; used to compose digests in bulk. */
  listAll(): Promise<Subscription[]>;
}
