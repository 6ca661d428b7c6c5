import type { Asker, Logger } from '../../core/index.js';
import { isDirectChannel, slackRef } from './refs.js';

export interface SlackUserInfo {
  isAdmin: boolean;
}

/** Looks a user up (`users.info`); injected so the cache logic stays testable. */
export type UserLookup = (userId: string) => Promise<SlackUserInfo>;

export interface AskerSource {
  team: string;
  userId: string;
  userName: string;
  channelId: string;
}

const ADMIN_TTL_MS = 10 * 60 * 1000;

/**
 * Builds the neutral Asker. Workspace admins and owners (from `users.info`,
 * cached for ten minutes) and the configured allow-list manage channels and
 * sources; anyone manages their own DM with the bot.
 */
export function createAskerBuilder(options: { adminUsers: readonly string[]; lookup: UserLookup; log: Logger; now?: () => number }) {
  const now = options.now ?? Date.now;
  const allow = new Set(options.adminUsers.map((u) => u.trim()).filter(Boolean));
  const cache = new Map<string, { isAdmin: boolean; at: number }>();

  async function isAdmin(team: string, userId: string): Promise<boolean> {
    if (allow.has(userId) || allow.has(slackRef(team, userId))) return true;
    const key = `${team}:${userId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < ADMIN_TTL_MS) return hit.isAdmin;
    try {
      const info = await options.lookup(userId);
      cache.set(key, { isAdmin: info.isAdmin, at: now() });
      return info.isAdmin;
    } catch (error) {
      // Failing closed: an unknown role manages nothing, and is not cached.
      options.log.warn({ err: String(error), user: slackRef(team, userId) }, 'users.info failed');
      return false;
    }
  }

  return async function build(src: AskerSource): Promise<Asker> {
    const admin = await isAdmin(src.team, src.userId);
    const direct = isDirectChannel(src.channelId);
    return {
      user: { ref: slackRef(src.team, src.userId), name: src.userName },
      channel: slackRef(src.team, src.channelId),
      isDirect: direct,
      canManageChannel: admin || direct,
      canManageSources: admin,
    };
  };
}
