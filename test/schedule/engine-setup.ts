import { silentLogger, type Logger, type Store } from '../../src/core/index.js';
import { DeliveryEngine, Digests, type DeliveryEngineOptions } from '../../src/schedule/index.js';
import { digests } from '../../digests/index.js';
import { ChatLog, memorySink, RecordingPlatform } from '../helpers/recording-platform.js';

export interface EngineKit {
  engine: DeliveryEngine;
  service: Digests;
  chat: ChatLog;
  platform: RecordingPlatform;
  sleeps: number[];
}

export function makeEngine(store: Store, overrides: Partial<DeliveryEngineOptions> & { log?: Logger; now?: () => Date } = {}): EngineKit {
  const chat = new ChatLog();
  const platform = new RecordingPlatform(memorySink(chat), 'shell', 400);
  const sleeps: number[] = [];
  const engine = new DeliveryEngine({
    store,
    digests,
    platforms: new Map([['shell', platform]]),
    owner: 'test-owner',
    log: silentLogger,
    retry: { attempts: 3, baseMs: 100, maxMs: 5000 },
    sleep: async (ms) => void sleeps.push(ms),
    defaultTimezone: 'UTC',
    ...overrides,
  });
  const service = new Digests(store, engine, digests, 'UTC', overrides.now);
  return { engine, service, chat, platform, sleeps };
}

export const DESK = 'channel:shell:desk';
export const OPS = 'channel:shell:ops';

export async function schedule(store: Store, subscriber: string, digest = 'daily-brief', extra: { announceEmpty?: boolean; cron?: string; timezone?: string } = {}) {
  return store.schedules.set({
    subscriber,
    digest,
    cron: extra.cron ?? '0 8 * * *',
    timezone: extra.timezone ?? 'UTC',
    announceEmpty: extra.announceEmpty ?? false,
    setBy: 'shell:editor',
  });
}
