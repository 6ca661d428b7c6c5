/**
 * A digest delivery process for the crash tests: it recovers unfinished
 * deliveries, then delivers BB_SLOT for every schedule (or only BB_ONLY), and
 * SIGKILLs itself at BB_CRASH (`step` or `step:part`), so nothing gets to clean up.
 */
import { silentLogger } from '../../src/core/index.js';
import { DeliveryEngine, type DeliveryStep } from '../../src/schedule/index.js';
import { openStore } from '../../src/store/open.js';
import { digests } from '../../digests/index.js';
import { httpSink, RecordingPlatform } from './recording-platform.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const [crashStep, crashPart] = (process.env.BB_CRASH ?? '').split(':') as [DeliveryStep | '', string | undefined];
const store = await openStore(env('BB_DATABASE_URL'), { log: silentLogger });
const platform = new RecordingPlatform(httpSink(env('BB_CHAT_URL')), 'shell', Number(process.env.BB_PART_CHARS ?? 400));
const engine = new DeliveryEngine({
  store,
  digests,
  platforms: new Map([['shell', platform]]),
  owner: env('BB_OWNER'),
  log: silentLogger,
  leaseMs: Number(process.env.BB_LEASE_MS ?? 60_000),
  checkpoint(step, _delivery, part) {
    if (step === crashStep && (crashPart === undefined || Number(crashPart) === part)) process.kill(process.pid, 'SIGKILL');
  },
});

// The crashing runs skip recovery so each crashes in its own delivery, not a sibling's.
if (!process.env.BB_NO_RECOVER) await engine.recover();
const only = process.env.BB_ONLY;
for (const schedule of await store.schedules.listAll()) {
  if (only && schedule.subscriber !== only) continue;
  await engine.deliver(schedule, env('BB_SLOT'));
}
await store.close();
