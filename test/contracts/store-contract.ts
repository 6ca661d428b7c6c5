import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/core/index.js';
import { batchContract } from './store/batch.js';
import { deliveryContract } from './store/deliveries.js';
import { documentContract } from './store/documents.js';
import { documentSearchContract } from './store/document-search.js';
import { meetingContract } from './store/meetings.js';
import { meetingListContract } from './store/meeting-list.js';
import { metaContract } from './store/meta.js';
import { scheduleContract } from './store/schedules.js';
import { sourceContract } from './store/sources.js';
import { subscriptionContract } from './store/subscriptions.js';
import { topicRewriteContract } from './store/topic-rewrite.js';

/**
 * The behaviour every Store backend must show. `open` returns a fresh, empty,
 * migrated store; each test gets its own and closes it.
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store | undefined;
    const current = (): Store => {
      if (!store) throw new Error('store not open');
      return store;
    };

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    documentContract(current);
    batchContract(current);
    documentSearchContract(current);
    meetingContract(current);
    meetingListContract(current);
    topicRewriteContract(current);
    sourceContract(current);
    subscriptionContract(current);
    scheduleContract(current);
    deliveryContract(current);
    metaContract(current);
  });
}
