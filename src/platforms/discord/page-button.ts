import { createHash } from 'node:crypto';
import type { Paging } from '../../core/index.js';
import type { MetaStore } from './meta-store.js';

const INLINE = 'brief:page:';
const STORED = 'brief:pageh:';
const MAX_CUSTOM_ID = 100;

/** Button row JSON for a paged reply (message component types 1 and 2). */
export interface ButtonRow {
  type: 1;
  components: Array<{ type: 2; style: 2; label: string; custom_id: string }>;
}

/**
 * Paging state lives in the button's custom id, so a button still works after a
 * restart. Commands too long for the id's 100 characters are kept in the store
 * under a hash (or in memory when there is no store).
 */
export class PageButtons {
  private readonly memory = new Map<string, string>();
  constructor(private readonly store?: MetaStore) {}

  async customId(text: string): Promise<string> {
    const inline = INLINE + Buffer.from(text, 'utf8').toString('base64url');
    if (inline.length <= MAX_CUSTOM_ID) return inline;
    const hash = createHash('sha256').update(text).digest('base64url').slice(0, 24);
    if (this.store) await this.store.setMeta(metaKey(hash), text);
    else this.memory.set(hash, text);
    return STORED + hash;
  }

  /** The command text behind a custom id; null if it is not ours or is forgotten. */
  async textOf(customId: string): Promise<string | null> {
    if (customId.startsWith(INLINE)) return Buffer.from(customId.slice(INLINE.length), 'base64url').toString('utf8') || null;
    if (customId.startsWith(STORED)) {
      const hash = customId.slice(STORED.length);
      return (await this.store?.getMeta(metaKey(hash))) ?? this.memory.get(hash) ?? null;
    }
    return null;
  }

  async row(paging: Paging | undefined): Promise<ButtonRow[]> {
    if (!paging || paging.pages <= 1) return [];
    const buttons: ButtonRow['components'] = [];
    if (paging.prev) buttons.push({ type: 2, style: 2, label: 'Previous page', custom_id: await this.customId(paging.prev) });
    if (paging.next) buttons.push({ type: 2, style: 2, label: 'Next page', custom_id: await this.customId(paging.next) });
    return buttons.length ? [{ type: 1, components: buttons }] : [];
  }
}

export function isPageButton(customId: string): boolean {
  return customId.startsWith(INLINE) || customId.startsWith(STORED);
}

function metaKey(hash: string): string {
  return `discord:page:${hash}`;
}
