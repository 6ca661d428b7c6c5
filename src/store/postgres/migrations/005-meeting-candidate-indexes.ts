/**
 * Candidate meetings for a merge are read by date window, not by scanning every meeting of the
 * body, as on SQLite (its migration 006): an index on where each meeting begins, and one on how
 * long each lasts, whose largest value per body bounds how far before the window a meeting that
 * reaches into it can begin. Undated meetings count as lasting 0 days; a date that is not an ISO
 * day counts as a century, so the window then widens to cover it rather than miss it. An index
 * needs an immutable expression and a cast to date is not one (it reads DateStyle), hence the
 * function, which calls nothing but built-ins: maintenance runs it with a bare search_path. The
 * query in meetings.ts must spell these expressions exactly as here (a test checks the plan).
 */
export const sql = `
CREATE FUNCTION meeting_span(start_date TEXT, end_date TEXT) RETURNS INTEGER LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  first_day TEXT := COALESCE(start_date, end_date);
  last_day TEXT := COALESCE(end_date, start_date);
BEGIN
  IF first_day IS NULL THEN RETURN 0; END IF;
  IF first_day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' OR last_day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN RETURN 36500; END IF;
  RETURN pg_catalog.make_date(substr(last_day, 1, 4)::int, substr(last_day, 6, 2)::int, substr(last_day, 9, 2)::int)
    - pg_catalog.make_date(substr(first_day, 1, 4)::int, substr(first_day, 6, 2)::int, substr(first_day, 9, 2)::int);
EXCEPTION WHEN others THEN
  -- "2030-02-30": shaped like a day, but none.
  RETURN 36500;
END;
$$;
CREATE INDEX meetings_body_from ON meetings (body_lc, (COALESCE(start_date, end_date)));
CREATE INDEX meetings_body_span ON meetings (body_lc, meeting_span(start_date, end_date));
`;
