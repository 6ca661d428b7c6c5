import type { Delivery, DeliveryRepo, DeliverySnapshot } from '../../core/index.js';
import { DELIVERY_COLUMNS as COLUMNS, isUnfinished, toDelivery, UNFINISHED, type DeliveryRow } from '../rows/deliveries.js';
import { fromJson, instant, toJson } from '../rows/values.js';
import type { PgDb } from './pg-db.js';

export class PgDeliveryRepo implements DeliveryRepo {
  constructor(private readonly db: PgDb) {}

  async claim(key: { subscriber: string; digest: string; slot: string }, owner: string, leaseUntil: string, now: string): Promise<Delivery | null> {
    const until = instant(leaseUntil);
    // Two statements, no transaction needed: the unique key decides the insert race,
    // and the conditional UPDATE lets exactly one of several takers win a dead lease.
    const inserted = await this.db.get<DeliveryRow>(
      `INSERT INTO deliveries (subscriber, digest, slot, owner, lease_until, status, created_at)
       VALUES ($1, $2, $3, $4, $5, 'claimed', $6)
       ON CONFLICT (subscriber, digest, slot) DO NOTHING RETURNING ${COLUMNS}`,
      key.subscriber,
      key.digest,
      key.slot,
      owner,
      until,
      instant(now),
    );
    if (inserted) return toDelivery(inserted);
    const taken = await this.db.get<DeliveryRow>(
      `UPDATE deliveries SET owner = $1, lease_until = $2
       WHERE subscriber = $3 AND digest = $4 AND slot = $5 AND ${UNFINISHED} AND lease_until < $6
       RETURNING ${COLUMNS}`,
      owner,
      until,
      key.subscriber,
      key.digest,
      key.slot,
      instant(now),
    );
    return taken ? toDelivery(taken) : null;
  }

  async renew(id: number, owner: string, leaseUntil: string): Promise<boolean> {
    // One conditional UPDATE: a takeover (which changes the owner) and a renewal never both win.
    const changed = await this.db.run(
      `UPDATE deliveries SET lease_until = $1 WHERE id = $2 AND owner = $3 AND ${UNFINISHED}`,
      instant(leaseUntil),
      id,
      owner,
    );
    return changed > 0;
  }

  async get(id: number): Promise<Delivery | null> {
    const row = await this.db.get<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE id = $1`, id);
    return row ? toDelivery(row) : null;
  }

  async saveSnapshot(id: number, snapshot: DeliverySnapshot): Promise<void> {
    const changed = await this.db.run(
      `UPDATE deliveries SET snapshot = $1, status = 'composed' WHERE id = $2 AND ${UNFINISHED}`,
      toJson(snapshot),
      id,
    );
    if (changed === 0) throw new Error(`Delivery ${id} is missing or already finished`);
  }

  async recordPart(id: number, part: number, messageId: string): Promise<void> {
    // jsonb_set in one statement: two senders never lose each other's parts.
    const changed = await this.db.run(
      `UPDATE deliveries SET sent_parts = jsonb_set(sent_parts::jsonb, ARRAY[$1::text], to_jsonb($2::text))::text WHERE id = $3`,
      String(part),
      messageId,
      id,
    );
    if (changed === 0) throw new Error(`No delivery ${id}`);
  }

  async finish(id: number, status: 'sent' | 'empty', now: string): Promise<void> {
    await this.db.tx(async (tx) => {
      // FOR UPDATE: a concurrent takeover or second finish waits for this one.
      const row = await tx.get<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE id = $1 FOR UPDATE`, id);
      if (!row) throw new Error(`No delivery ${id}`);
      // Finishing twice (a slow owner after a takeover) changes nothing.
      if (!isUnfinished(row)) return;
      await tx.run('UPDATE deliveries SET status = $1, finished_at = $2 WHERE id = $3', status, instant(now), id);
      const snapshot = fromJson<DeliverySnapshot>(row.snapshot);
      if (snapshot === null) return;
      // Forward only: a late finish of an older slot must not re-expose sent items.
      await tx.run(
        `INSERT INTO watermarks (subscriber, digest, seq) VALUES ($1, $2, $3)
         ON CONFLICT (subscriber, digest) DO UPDATE SET seq = GREATEST(watermarks.seq, excluded.seq)`,
        row.subscriber,
        row.digest,
        snapshot.watermarkTo,
      );
    });
  }

  async fail(id: number, error: string, now: string): Promise<void> {
    const changed = await this.db.run(
      "UPDATE deliveries SET status = 'failed', error = $1, finished_at = $2 WHERE id = $3",
      error.replaceAll('\u0000', ' '),
      instant(now),
      id,
    );
    if (changed === 0) throw new Error(`No delivery ${id}`);
  }

  async expired(now: string): Promise<Delivery[]> {
    const rows = await this.db.all<DeliveryRow>(
      `SELECT ${COLUMNS} FROM deliveries WHERE ${UNFINISHED} AND lease_until < $1 ORDER BY lease_until, id`,
      instant(now),
    );
    return rows.map(toDelivery);
  }

  async lastSlot(subscriber: string, digest: string): Promise<string | null> {
    const row = await this.db.get<{ slot: string | null }>(
      'SELECT MAX(slot) AS slot FROM deliveries WHERE subscriber = $1 AND digest = $2',
      subscriber,
      digest,
    );
    return row?.slot ?? null;
  }

  async containing(subscriber: string, meetingId: number): Promise<Delivery[]> {
    const rows = await this.db.all<DeliveryRow>(
      `SELECT ${COLUMNS} FROM deliveries d
       WHERE d.subscriber = $1 AND d.status = 'sent' AND (d.snapshot::jsonb -> 'meetingIds') @> to_jsonb($2::bigint)
       ORDER BY d.slot DESC, d.id DESC`,
      subscriber,
      meetingId,
    );
    return rows.map(toDelivery);
  }

  async getWatermark(subscriber: string, digest: string): Promise<number> {
    const row = await this.db.get<{ seq: number }>('SELECT seq FROM watermarks WHERE subscriber = $1 AND digest = $2', subscriber, digest);
    return row?.seq ?? 0;
  }
}
