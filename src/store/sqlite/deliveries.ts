import type { Delivery, DeliveryRepo, DeliverySnapshot } from '../../core/index.js';
import type { Db } from './db.js';
import { DELIVERY_COLUMNS as COLUMNS, isUnfinished, toDelivery, UNFINISHED, type DeliveryRow } from '../rows/deliveries.js';
import { fromJson, instant, toJson } from '../rows/values.js';

export class SqliteDeliveryRepo implements DeliveryRepo {
  constructor(private readonly db: Db) {}

  async claim(
    key: { subscriber: string; digest: string; slot: string },
    owner: string,
    leaseUntil: string,
    now: string,
  ): Promise<Delivery | null> {
    const until = instant(leaseUntil);
    const row = this.db.tx(() => {
      const inserted = this.db.get<DeliveryRow>(
        `INSERT INTO deliveries (subscriber, digest, slot, owner, lease_until, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'claimed', ?)
         ON CONFLICT (subscriber, digest, slot) DO NOTHING RETURNING ${COLUMNS}`,
        key.subscriber,
        key.digest,
        key.slot,
        owner,
        until,
        instant(now),
      );
      if (inserted) return inserted;
      // Someone claimed it before: take it over only if they stopped before finishing.
      return this.db.get<DeliveryRow>(
        `UPDATE deliveries SET owner = ?, lease_until = ?
         WHERE subscriber = ? AND digest = ? AND slot = ? AND ${UNFINISHED} AND lease_until < ?
         RETURNING ${COLUMNS}`,
        owner,
        until,
        key.subscriber,
        key.digest,
        key.slot,
        instant(now),
      );
    });
    return row ? toDelivery(row) : null;
  }

  async renew(id: number, owner: string, leaseUntil: string): Promise<boolean> {
    const changed = this.db.run(
      `UPDATE deliveries SET lease_until = ? WHERE id = ? AND owner = ? AND ${UNFINISHED}`,
      instant(leaseUntil),
      id,
      owner,
    ).changes;
    return changed > 0;
  }

  async get(id: number): Promise<Delivery | null> {
    const row = this.db.get<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE id = ?`, id);
    return row ? toDelivery(row) : null;
  }

  async saveSnapshot(id: number, snapshot: DeliverySnapshot): Promise<void> {
    const changed = this.db.run(
      `UPDATE deliveries SET snapshot = ?, status = 'composed' WHERE id = ? AND ${UNFINISHED}`,
      toJson(snapshot),
      id,
    ).changes;
    if (changed === 0) throw new Error(`Delivery ${id} is missing or already finished`);
  }

  async recordPart(id: number, part: number, messageId: string): Promise<void> {
    // json_set in one statement: two senders never lose each other's parts.
    const changed = this.db.run(
      `UPDATE deliveries SET sent_parts = json_set(sent_parts, '$."' || ? || '"', ?) WHERE id = ?`,
      String(part),
      messageId,
      id,
    ).changes;
    if (changed === 0) throw new Error(`No delivery ${id}`);
  }

  async finish(id: number, status: 'sent' | 'empty', now: string): Promise<void> {
    this.db.tx(() => {
      const row = this.db.get<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE id = ?`, id);
      if (!row) throw new Error(`No delivery ${id}`);
      // Finishing twice (a slow owner after a takeover) changes nothing.
      if (!isUnfinished(row)) return;
      this.db.run('UPDATE deliveries SET status = ?, finished_at = ? WHERE id = ?', status, instant(now), id);
      const snapshot = fromJson<DeliverySnapshot>(row.snapshot);
      if (snapshot === null) return;
      // Forward only: a late finish of an older slot must not re-expose sent items.
      this.db.run(
        `INSERT INTO watermarks (subscriber, digest, seq) VALUES (?, ?, ?)
         ON CONFLICT (subscriber, digest) DO UPDATE SET seq = MAX(seq, excluded.seq)`,
        row.subscriber,
        row.digest,
        snapshot.watermarkTo,
      );
    });
  }

  async fail(id: number, error: string, now: string): Promise<void> {
    const changed = this.db.run(
      "UPDATE deliveries SET status = 'failed', error = ?, finished_at = ? WHERE id = ?",
      error,
      instant(now),
      id,
    ).changes;
    if (changed === 0) throw new Error(`No delivery ${id}`);
  }

  async expired(now: string): Promise<Delivery[]> {
    return this.db
      .all<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE ${UNFINISHED} AND lease_until < ? ORDER BY lease_until, id`, instant(now))
      .map(toDelivery);
  }

  async lastSlot(subscriber: string, digest: string): Promise<string | null> {
    return (
      this.db.get<{ slot: string | null }>('SELECT MAX(slot) AS slot FROM deliveries WHERE subscriber = ? AND digest = ?', subscriber, digest)
        ?.slot ?? null
    );
  }

  async containing(subscriber: string, meetingId: number): Promise<Delivery[]> {
    return this.db
      .all<DeliveryRow>(
        `SELECT ${COLUMNS} FROM deliveries d
         WHERE d.subscriber = ? AND d.status = 'sent'
           AND EXISTS (SELECT 1 FROM json_each(d.snapshot, '$.meetingIds') WHERE value = ?)
         ORDER BY d.slot DESC, d.id DESC`,
        subscriber,
        meetingId,
      )
      .map(toDelivery);
  }

  async getWatermark(subscriber: string, digest: string): Promise<number> {
    return this.db.get<{ seq: number }>('SELECT seq FROM watermarks WHERE subscriber = ? AND digest = ?', subscriber, digest)?.seq ?? 0;
  }
}
