export { exportToFile, importFromFile } from './files.js';
export { exportStore, formatSummary, importStore, isEmptyStore, summarizeStore, type ImportOptions, type TransferSummary } from './transfer.js';
export { TABLES } from './tables.js';
