import type { TopicInfo } from '../core/index.js';
import table from './data/topics.json' with { type: 'json' };

/** The topic taxonomy as commands show it (ids and labels), from the data file. */
export function loadTopics(): TopicInfo[] {
  return table.topics.map((t) => ({ id: t.id, label: t.label }));
}
