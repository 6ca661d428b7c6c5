import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/index.js';
import { newDocument } from './fixtures.js';

/** The optional batch capability: where a store offers it, writes inside count like any other. */
export function batchContract(store: () => Store): void {
  describe('batch', () => {
    it('returns what fn returns, and keeps its writes visible inside and after', async () => {
      const batch = store().batch?.bind(store());
      if (!batch) return;
      const ids = await batch(async () => {
        const a = await store().documents.add(newDocument({ url: 'https://batch.example/a' }));
        const b = await store().documents.add(newDocument({ url: 'https://batch.example/b' }));
        expect((await store().documents.findByUrl('https://batch.example/a'))?.id).toBe(a.id);
        return [a.id, b.id];
      });
      expect(await store().documents.count()).toBe(2);
      expect((await store().documents.getMany(ids)).map((d) => d.url)).toEqual(['https://batch.example/a', 'https://batch.example/b']);
    });

    it('passes on what fn throws; writes of other batches, before and nested, stay', async () => {
      const batch = store().batch?.bind(store());
      if (!batch) return;
      const kept = await store().documents.add(newDocument());
      const result = await batch(async () => {
        const inner = await batch(async () => store().documents.add(newDocument()));
        await expect(batch(async () => Promise.reject(new Error('item failed')))).rejects.toThrow('item failed');
        return inner.id;
      });
      expect((await store().documents.get(result))?.id).toBe(result);
      expect(await store().documents.get(kept.id)).not.toBeNull();
      await expect(batch(async () => { throw new Error('whole batch failed'); })).rejects.toThrow('whole batch failed');
      expect(await store().documents.count()).toBe(2);
    });
  });
}
