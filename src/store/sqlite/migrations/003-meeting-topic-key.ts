/**
 * A meeting's topics, lowercased, as `|topic|topic|` in the covering filter index:
 * a topic filter then reads the index alone, like the other filters, instead of
 * fetching each wide meeting row by id. meeting_topics stays for counts and search.
 */
export const sql = `
ALTER TABLE meetings ADD COLUMN topic_key TEXT NOT NULL DEFAULT '|';
UPDATE meetings SET topic_key = '|' || COALESCE(
  (SELECT group_concat(topic_lc, '|') FROM (SELECT topic_lc FROM meeting_topics t WHERE t.meeting_id = meetings.id ORDER BY topic_lc)) || '|',
  '');
DROP INDEX meetings_filter;
CREATE INDEX meetings_filter ON meetings (start_date, id, is_primary, end_date, body_lc, city_lc, country_lc, topic_key, first_reported);
`;
