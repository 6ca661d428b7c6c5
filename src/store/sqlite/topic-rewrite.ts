import type { TopicRewrite } from '../../core/index.js';
import { withTopics } from '../rows/documents.js';
import type { Db } from './db.js';
import { topicKey, topicRows, topicToken } from './meeting-rows.js';
import { toJson } from './rows.js';

/** Store.rewriteTopics on SQLite: one IMMEDIATE transaction (a savepoint inside a batch). */
export function rewriteTopics(db: Db, rewrite: TopicRewrite): void {
  db.tx(() => {
    for (const { id, topics } of rewrite.documents) {
      const row = db.get<{ extraction: string }>('SELECT extraction FROM documents WHERE id = ?', id);
      if (!row) throw new Error(`No document ${id} to re-tag`);
      db.run('UPDATE documents SET extraction = ? WHERE id = ?', withTopics(row.extraction, topics), id);
      db.run('DELETE FROM document_topics WHERE document_id = ?', id);
      db.run(
        'INSERT OR IGNORE INTO document_topics (document_id, topic_lc) SELECT ?, value FROM json_each(?)',
        id,
        toJson([...new Set(topics.map(topicToken))]),
      );
    }
    const now = db.now();
    for (const { id, topics } of rewrite.meetings) {
      const changed = db.run('UPDATE meetings SET topics = ?, topic_key = ?, updated_at = ? WHERE id = ?', toJson(topics), topicKey(topics), now, id).changes;
      if (changed === 0) throw new Error(`No meeting ${id} to re-tag`);
      db.run('DELETE FROM meeting_topics WHERE meeting_id = ?', id);
      db.run(
        `INSERT INTO meeting_topics (meeting_id, topic, topic_lc)
         SELECT ?, json_extract(t.value, '$[0]'), json_extract(t.value, '$[1]') FROM json_each(?) t`,
        id,
        toJson(topicRows(topics)),
      );
    }
  });
}
