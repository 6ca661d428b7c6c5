/**
 * Candidate meetings for a merge are read by date window, not by scanning every meeting of the
 * body: an index on where each meeting begins, and one on how long each lasts, whose largest
 * value per body bounds how far before the window a meeting that reaches into it can begin.
 * Undated meetings count as lasting 0 days; a date SQLite cannot read counts as a century, so
 * the window then widens to cover it rather than miss it. The query in meetings.ts must spell
 * these expressions exactly as here for SQLite to use the indexes (a test checks the plan).
 */
export const sql = `
CREATE INDEX meetings_body_from ON meetings (body_lc, COALESCE(start_date, end_date));
CREATE INDEX meetings_body_span ON meetings (body_lc, CASE WHEN start_date IS NULL AND end_date IS NULL THEN 0
  ELSE COALESCE(julianday(COALESCE(end_date, start_date)) - julianday(COALESCE(start_date, end_date)), 36500) END);
`;
