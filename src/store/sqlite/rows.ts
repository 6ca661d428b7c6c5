// The helpers moved to ../rows/values.ts so both backends share them; this keeps
// the older import path working for the files that still use it.
export * from '../rows/values.js';
