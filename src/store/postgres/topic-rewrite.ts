import type { TopicRewrite } from '../../core/index.js';
import { withTopics } from '../rows/documents.js';
import { topicKey, topicRows, topicToken } from '../sqlite/meeting-rows.js';
import { toJson } from '../sqlite/rows.js';
import type { PgDb } from './pg-db.js';

/** Store.rewriteTopics on PostgreSQL: one transaction on one client, rows locked while rewritten. */
export async function rewriteTopics(db: PgDb, rewrite: TopicRewrite): Promise<void> {
  if (rewrite.documents.length === 0 && rewrite.meetings.length === 0) return;
  await db.tx(async (tx) => {
    if (rewrite.documents.length > 0) {
      const ids = rewrite.documents.map((d) => d.id);
      const rows = await tx.all<{ id: number; extraction: string }>(
        'SELECT id, extraction FROM documents WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE',
        ids,
      );
      const stored = new Map(rows.map((r) => [Number(r.id), r.extraction]));
      const tokens: Array<[number, string]> = [];
      for (const { id, topics } of rewrite.documents) {
        const extraction = stored.get(id);
        if (extraction === undefined) throw new Error(`No document ${id} to re-tag`);
        await tx.run('UPDATE documents SET extraction = $1 WHERE id = $2', withTopics(extraction, topics), id);
        for (const token of new Set(topics.map(topicToken))) tokens.push([id, token]);
      }
      await tx.run('DELETE FROM document_topics WHERE document_id = ANY($1::bigint[])', ids);
      await tx.run(
        'INSERT INTO document_topics (document_id, topic_lc) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING',
        tokens.map(([id]) => id),
        tokens.map(([, token]) => token),
      );
    }
    if (rewrite.meetings.length > 0) {
      const now = db.now();
      const rows: Array<[number, string, string]> = [];
      for (const { id, topics } of rewrite.meetings) {
        const changed = await tx.run('UPDATE meetings SET topics = $1, topic_key = $2, updated_at = $3 WHERE id = $4', toJson(topics), topicKey(topics), now, id);
        if (changed === 0) throw new Error(`No meeting ${id} to re-tag`);
        for (const [topic, token] of topicRows(topics)) rows.push([id, topic, token]);
      }
      await tx.run('DELETE FROM meeting_topics WHERE meeting_id = ANY($1::bigint[])', rewrite.meetings.map((m) => m.id));
      await tx.run(
        'INSERT INTO meeting_topics (meeting_id, topic, topic_lc) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])',
        rows.map(([id]) => id),
        rows.map(([, topic]) => topic),
        rows.map(([, , token]) => token),
      );
    }
  });
}
