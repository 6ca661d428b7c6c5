/**
 * A meeting's folded topics as `|topic|topic|`, the column SQLite added in its
 * migration 003: kept here too so both schemas hold the same rows (export/import
 * moves them unchanged). Backfilled from meeting_topics for existing meetings.
 */
export const sql = `
ALTER TABLE meetings ADD COLUMN topic_key TEXT NOT NULL DEFAULT '|';
UPDATE meetings SET topic_key = '|' || COALESCE(
  (SELECT string_agg(topic_lc, '|' ORDER BY topic_lc) FROM meeting_topics t WHERE t.meeting_id = meetings.id) || '|',
  '');
`;
