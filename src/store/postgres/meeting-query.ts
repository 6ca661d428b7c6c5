import type { MeetingQuery } from '../../core/index.js';
import { topicToken } from '../sqlite/meeting-rows.js';
import { fold } from '../sqlite/rows.js';

export { meetingOrder } from '../sqlite/meeting-query.js';

export interface MeetingWhere {
  sql: string;
  params: unknown[];
}

/** WHERE clause (on meetings `m`) for a list query, with `$n` placeholders from $1. */
export function meetingWhere(query: Omit<MeetingQuery, 'limit' | 'offset' | 'order'>): MeetingWhere {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(typeof value === 'string' ? value.replaceAll('\u0000', ' ') : value);
    return `$${params.length}`;
  };
  if (!query.includeSecondary) sql.push('m.is_primary = 1');
  if (query.body !== undefined && query.body.trim() !== '') sql.push(`strpos(m.body_lc, ${add(fold(query.body))}) > 0`);
  if (query.topic !== undefined && query.topic.trim() !== '') {
    sql.push(`m.id IN (SELECT meeting_id FROM meeting_topics WHERE topic_lc = ${add(topicToken(query.topic))})`);
  }
  if (query.place !== undefined && query.place.trim() !== '') {
    const place = add(fold(query.place));
    sql.push(`(m.city_lc = ${place} OR m.country_lc = ${place})`);
  }
  // A meeting is in [since, until] when its own [start, end] overlaps it.
  if (query.since !== undefined) sql.push(`COALESCE(m.end_date, m.start_date) >= ${add(query.since)}`);
  if (query.until !== undefined) sql.push(`COALESCE(m.start_date, m.end_date) <= ${add(query.until)}`);
  return { sql: sql.length === 0 ? 'TRUE' : sql.join(' AND '), params };
}
