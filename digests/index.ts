import type { DigestDef } from '../src/core/index.js';
import { alert } from './alert.js';
import { dailyBrief } from './daily-brief.js';
import { weeklyRoundup } from './weekly-roundup.js';

export const digests: DigestDef[] = [dailyBrief, weeklyRoundup, alert];
