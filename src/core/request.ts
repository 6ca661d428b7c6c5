import type { Token } from './args.js';
import type { ChannelRef, UserRef } from './channel.js';

/** What a platform knows about who asked, where, and what they may do there. */
export interface Asker {
  user: { ref: UserRef; name: string };
  /** Where the command was typed. */
  channel: ChannelRef;
  /** True in a direct message with the bot. */
  isDirect: boolean;
  /** May change this channel's subscriptions and schedules. */
  canManageChannel: boolean;
  /** May add and remove sources (workspace or server level). */
  canManageSources: boolean;
}

/** A parsed `/brief` command, as command modules receive it. */
export interface Request extends Asker {
  subcommand: string;
  positional: string[];
  options: Record<string, string>;
  tokens: Token[];
  /** Everything after the subcommand, as typed. */
  argText: string;
  /** The whole line as typed, without the `/brief` prefix. */
  text: string;
}
