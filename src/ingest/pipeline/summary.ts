import type { IngestResult, IngestSummary } from './types.js';

export function emptySummary(): IngestSummary {
  return { read: 0, new: 0, duplicates: 0, meetingsCreated: 0, meetingsMerged: 0, failures: [] };
}

export function countResult(summary: IngestSummary, result: IngestResult): void {
  summary.read++;
  if (result.outcome === 'new') summary.new++;
  else summary.duplicates++;
  summary.meetingsCreated += result.meetingsCreated;
  summary.meetingsMerged += result.meetingsMerged;
}

/** A failure message that names the source once, whatever threw. */
export function describeFailure(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Fetch and parse errors usually name their URL or path already; others get it prefixed.
  return message.includes(source) ? message : `${source}: ${message}`;
}

export function countFailure(summary: IngestSummary, source: string, error: unknown): void {
  summary.read++;
  summary.failures.push({ source, message: describeFailure(source, error) });
}
