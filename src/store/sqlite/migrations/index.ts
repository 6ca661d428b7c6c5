import { sql as initial } from './001-initial.js';
import { sql as meetingFilterIndex } from './002-meeting-filter-index.js';
import { sql as meetingTopicKey } from './003-meeting-topic-key.js';
import { sql as simhashCovering } from './004-simhash-covering.js';
import { sql as ftsIndexedByStore } from './005-fts-indexed-by-store.js';
import { sql as meetingCandidateIndexes } from './006-meeting-candidate-indexes.js';
import type { Migration } from '../../rows/migration.js';

export type { Migration };

/** Every migration, in order. Append only: never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '001-initial', sql: initial },
  { version: 2, name: '002-meeting-filter-index', sql: meetingFilterIndex },
  { version: 3, name: '003-meeting-topic-key', sql: meetingTopicKey },
  { version: 4, name: '004-simhash-covering', sql: simhashCovering },
  { version: 5, name: '005-fts-indexed-by-store', sql: ftsIndexedByStore },
  { version: 6, name: '006-meeting-candidate-indexes', sql: meetingCandidateIndexes },
];
