/**
 * Meeting listings filter on a mix of columns and always sort by start date. One
 * covering index holding every filter column lets SQLite count and page a filtered
 * list from the index alone, in order, without reading the wide rows (JSON facts);
 * separate single-column indexes led the planner to walk the table instead.
 */
export const sql = `
DROP INDEX meetings_primary_start;
DROP INDEX meetings_start;
DROP INDEX meetings_city;
DROP INDEX meetings_country;
DROP INDEX meetings_body;
CREATE INDEX meetings_filter ON meetings (start_date, id, is_primary, end_date, body_lc, city_lc, country_lc, first_reported);
CREATE INDEX meetings_body ON meetings (body_lc, start_date, end_date, body);
`;
