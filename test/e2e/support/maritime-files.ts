import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A TOPICS_FILE adding a maritime-security topic, and a briefing of ours about it
 * in the format `briefbot ingest` reads, written into `dir`.
 */
export function writeMaritimeFiles(dir: string): { topicsFile: string; briefing: string } {
  const topicsFile = join(dir, 'our-topics.json');
  writeFileSync(
    topicsFile,
    JSON.stringify({
      topics: [{ id: 'maritime-security', label: 'Maritime security', phrases: ['maritime security', 'piracy', 'naval patrols?'], description: 'Piracy, patrols and safe shipping' }],
    }),
  );
  const briefing = join(dir, 'accra.txt');
  writeFileSync(
    briefing,
    [
      'Title: Coalition partners discuss maritime security',
      'Published: 2023-06-20',
      '',
      'ACCRA, June 20 - Experts of the Global Coalition met in Accra on Tuesday to discuss maritime security in the Gulf of Guinea. Delegates reviewed piracy cases and how naval patrols could share what they see.',
      '',
    ].join('\n'),
  );
  return { topicsFile, briefing };
}
