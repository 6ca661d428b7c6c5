import type { MeetingQuery } from '../../core/index.js';
import { topicToken } from './meeting-rows.js';
import { fold } from './rows.js';

export interface MeetingWhere {
  sql: string;
  params: unknown[];
}

/** WHERE clause (on meetings `m`) for a list query; a fixed shape per set of filters. */
export function meetingWhere(query: Omit<MeetingQuery, 'limit' | 'offset' | 'order'>): MeetingWhere {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (!query.includeSecondary) sql.push('m.is_primary = 1');
  if (query.body !== undefined && query.body.trim() !== '') {
    // "africa focus" finds "Africa Focus Group": the exact name, a prefix or any part.
    sql.push('instr(m.body_lc, ?) > 0');
    params.push(fold(query.body));
  }
  if (query.topic !== undefined && query.topic.trim() !== '') {
    sql.push('instr(m.topic_key, ?) > 0');
    params.push(`|${topicToken(query.topic)}|`);
  }
  if (query.place !== undefined && query.place.trim() !== '') {
    sql.push('(m.city_lc = ? OR m.country_lc = ?)');
    params.push(fold(query.place), fold(query.place));
  }
  // A meeting is in [since, until] when its own [start, end] overlaps it.
  if (query.since !== undefined) {
    sql.push('COALESCE(m.end_date, m.start_date) >= ?');
    params.push(query.since);
  }
  if (query.until !== undefined) {
    sql.push('COALESCE(m.start_date, m.end_date) <= ?');
    params.push(query.until);
  }
  return { sql: sql.length === 0 ? '1' : sql.join(' AND '), params };
}

/** Newest first by start date, undated meetings last, ties by id. */
export function meetingOrder(order: MeetingQuery['order']): string {
  return order === 'oldest' ? 'm.start_date ASC NULLS LAST, m.id ASC' : 'm.start_date DESC NULLS LAST, m.id DESC';
}
