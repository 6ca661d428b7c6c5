import { ERROR_CODES, subscriberKey, UserError, type CommandContext, type OptionSpec, type Request, type Subscriber } from '../../src/core/index.js';

export const FOR_OPTION: OptionSpec = {
  name: 'for',
  description: 'channel: act for this channel instead of just you',
  choices: ['channel', 'me'],
};

/** You by default; this channel with `for:channel`. */
export function chosenSubscriber(request: Request): Subscriber {
  return request.options.for?.toLowerCase() === 'channel'
    ? { kind: 'channel', ref: request.channel }
    : { kind: 'user', ref: request.user.ref };
}

/** This channel, or the user in a direct message (where digests go by DM). */
export function hereSubscriber(request: Request): Subscriber {
  if (request.options.for?.toLowerCase() === 'me' || request.isDirect) return { kind: 'user', ref: request.user.ref };
  return { kind: 'channel', ref: request.channel };
}

export function whoLabel(subscriber: Subscriber): string {
  return subscriber.kind === 'channel' ? 'this channel' : 'you';
}

/** Refuses a change to a channel's settings without the channel permission. */
export function requireChannelPermission(request: Request, subscriber: Subscriber, context: CommandContext, action: string): void {
  if (subscriber.kind === 'channel' && !request.canManageChannel) {
    throw new UserError(
      ERROR_CODES.FORBIDDEN,
      `Only people who can manage this channel may ${action} for it; nothing was changed.`,
      `Ask a channel manager, or leave out \`for:channel\` to do it just for you (\`/${context.settings.commandName} help ${request.subcommand}\`).`,
    );
  }
}

export const keyOf = subscriberKey;
