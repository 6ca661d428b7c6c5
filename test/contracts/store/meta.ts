import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/index.js';

export function metaContract(store: () => Store): void {
  describe('meta', () => {
    it('stores, overwrites and reads values by key', async () => {
      expect(await store().getMeta('samples-loaded')).toBeNull();
      await store().setMeta('samples-loaded', '2026-03-02');
      await store().setMeta('other', 'x');
      await store().setMeta('samples-loaded', '2026-03-03');
      expect(await store().getMeta('samples-loaded')).toBe('2026-03-03');
      expect(await store().getMeta('other')).toBe('x');
    });
  });
}
