import { sql as initial } from './001-initial.js';
import { sql as meetingTopicKey } from './002-meeting-topic-key.js';
import { sql as meetingListingIndex } from './003-meeting-listing-index.js';
import { sql as documentSearchTable } from './004-document-search-table.js';
import { sql as meetingCandidateIndexes } from './005-meeting-candidate-indexes.js';
import type { Migration } from '../../rows/migration.js';

export type { Migration };

/** Every migration, in order. Append only: never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '001-initial', sql: initial },
  { version: 2, name: '002-meeting-topic-key', sql: meetingTopicKey },
  { version: 3, name: '003-meeting-listing-index', sql: meetingListingIndex },
  { version: 4, name: '004-document-search-table', sql: documentSearchTable },
  { version: 5, name: '005-meeting-candidate-indexes', sql: meetingCandidateIndexes },
];
