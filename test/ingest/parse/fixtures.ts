import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/ingest/', import.meta.url));

/** A fixture from test/fixtures/ingest as text. */
export function fixture(name: string): string {
  return readFileSync(`${dir}${name}`, 'utf8');
}

export const FIXTURE_DIR = dir;
