/**
 * The store indexes new documents for full-text search itself: inside a batch, once for the
 * whole batch just before it commits. FTS5 writes its pending terms out at every savepoint, and
 * ingestion opens one per document, so the per-row trigger left one tiny index segment per
 * document (five times the indexing work). Updates and deletes keep their triggers.
 */
export const sql = `
DROP TRIGGER documents_fts_insert;
`;
