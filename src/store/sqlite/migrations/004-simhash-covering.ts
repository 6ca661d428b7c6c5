/**
 * Each SimHash band index also carries the whole fingerprint, so a candidate
 * lookup (thousands of probes) reads the indexes alone, never the wide documents
 * rows: about 30 ms of CPU down to a few at 100,000 documents.
 */
export const sql = `
DROP INDEX documents_simhash_b0;
DROP INDEX documents_simhash_b1;
DROP INDEX documents_simhash_b2;
DROP INDEX documents_simhash_b3;
CREATE INDEX documents_simhash_b0 ON documents (simhash_b0, simhash) WHERE simhash_b0 IS NOT NULL;
CREATE INDEX documents_simhash_b1 ON documents (simhash_b1, simhash) WHERE simhash_b1 IS NOT NULL;
CREATE INDEX documents_simhash_b2 ON documents (simhash_b2, simhash) WHERE simhash_b2 IS NOT NULL;
CREATE INDEX documents_simhash_b3 ON documents (simhash_b3, simhash) WHERE simhash_b3 IS NOT NULL;
`;
