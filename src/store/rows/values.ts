/** Small row↔object helpers shared by the repos of every backend. */

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export function toBool(value: number | bigint | null): boolean {
  return value !== null && Number(value) !== 0;
}

export function fromBool(value: boolean): number {
  return value ? 1 : 0;
}

/**
 * Normalises an instant to `Date.toISOString()` form, so instants written with or
 * without milliseconds still compare correctly as text.
 */
export function instant(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an ISO instant: ${value}`);
  return date.toISOString();
}

export function maybeInstant(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : instant(value);
}

/** Case folding used for every case-insensitive column and parameter. */
export function fold(value: string): string {
  return value.trim().toLocaleLowerCase('en-US');
}

export function maybeFold(value: string | null): string | null {
  return value === null ? null : fold(value);
}
