import type { CommandDef } from '../src/core/index.js';
import digest from './digest.js';
import help from './help.js';
import meeting from './meeting.js';
import meetings from './meetings.js';
import schedule from './schedule.js';
import search from './search.js';
import sources from './sources.js';
import subscribe from './subscribe.js';
import subscriptions from './subscriptions.js';
import timeline from './timeline.js';
import topics from './topics.js';
import unsubscribe from './unsubscribe.js';
import why from './why.js';

/** Every `/brief` subcommand, in the order `help` lists them: reading first, then digests, then admin. */
export const commands: readonly CommandDef[] = [
  meetings,
  meeting,
  search,
  timeline,
  topics,
  subscribe,
  unsubscribe,
  subscriptions,
  digest,
  schedule,
  why,
  sources,
  help,
];
