import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, App, BlockButtonAction, RespondArguments, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import { renderSharedOnce, replyForError, type Asker, type Dispatcher, type Logger, type Reply } from '../../core/index.js';
import type { AskerSource } from './asker.js';
import { NEXT_PAGE_ACTION, type SlackPayload } from './blocks.js';
import type { RecentKeys } from './recent-keys.js';
import { renderParts } from './render.js';

export interface HandlerDeps {
  commandName: string;
  dispatcher: Dispatcher;
  buildAsker: (src: AskerSource) => Promise<Asker>;
  log: Logger;
  /** Answer in the ack when the dispatcher is done within this; else ack first and respond later. */
  ackWithinMs: number;
  seen: RecentKeys;
}

/** A response_url takes at most five posts. */
const MAX_RESPONSES = 5;

type Respond = (message: RespondArguments) => Promise<unknown>;

function asMessage(part: SlackPayload, reply: Reply, replaceOriginal: boolean): RespondArguments {
  return {
    response_type: reply.ephemeral ? 'ephemeral' : 'in_channel',
    replace_original: replaceOriginal,
    text: part.text,
    blocks: part.blocks as unknown as types.KnownBlock[],
  };
}

/** The parts a response_url takes, the last one saying what was left out when there are too many. */
function withinResponses(parts: readonly SlackPayload[], reply: Reply): readonly SlackPayload[] {
  if (parts.length <= MAX_RESPONSES) return parts;
  const left = parts.length - (MAX_RESPONSES - 1);
  const [notice] = renderParts({
    blocks: [
      {
        type: 'context',
        text: `The rest of this answer (${left} more messages) is left out: Slack lets a command answer with only a few messages. Narrow it with filters such as \`since:3m\` or \`topic:\`, or ask for one page at a time.`,
      },
    ],
    ephemeral: reply.ephemeral,
  });
  return [...parts.slice(0, MAX_RESPONSES - 1), ...(notice ? [notice] : [])];
}

async function respondAll(respond: Respond, all: readonly SlackPayload[], reply: Reply, log: Logger, replaceFirst = false): Promise<void> {
  if (all.length > MAX_RESPONSES) log.warn({ parts: all.length }, 'reply longer than a response_url allows; the rest replaced by a notice');
  const parts = withinResponses(all, reply);
  for (const [i, part] of parts.entries()) {
    try {
      await respond(asMessage(part, reply, replaceFirst && i === 0));
    } catch (error) {
      log.warn({ err: String(error) }, 'slack respond() failed');
      return;
    }
  }
}

/** The key a redelivery shares with its original. */
function deliveryKey(body: Record<string, unknown>): string {
  for (const field of ['event_id', 'trigger_id'] as const) {
    const value = body[field];
    if (typeof value === 'string' && value) return `${field}:${value}`;
  }
  return `body:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
}

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { dispatcher, log } = deps;
  const render = renderSharedOnce(renderParts);

  // Slack redelivers (X-Slack-Retry-Num, or retry_attempt over a socket) when an ack was late or lost.
  app.use(async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    if (!deps.seen.firstTime(deliveryKey(body))) {
      log.info({ retryNum: args.context.retryNum }, 'ignored a repeated slack delivery');
      const ack = (args as unknown as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await args.next();
  });

  const answer = async (text: string, src: AskerSource): Promise<Reply> => {
    try {
      return await dispatcher.handle(text, await deps.buildAsker(src));
    } catch (error) {
      return replyForError(error, log, { user: src.userId });
    }
  };

  app.command(`/${deps.commandName}`, async ({ command, ack, respond }) => {
    const work = answer(command.text, { team: command.team_id, userId: command.user_id, userName: command.user_name, channelId: command.channel_id });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deps.ackWithinMs);
    });
    const quick = await Promise.race([work, late]);
    clearTimeout(timer);
    if (quick) {
      const [first, ...rest] = render(quick);
      await ack(first ? asMessage(first, quick, false) : undefined);
      await respondAll(respond, rest, quick, log);
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    const reply = await work;
    await respondAll(respond, render(reply), reply, log);
  });

  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: NEXT_PAGE_ACTION },
    async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
      await ack();
      const reply = await answer(action.value ?? '', {
        team: body.team?.id ?? body.user.team_id ?? '',
        userId: body.user.id,
        userName: body.user.username ?? body.user.name ?? body.user.id,
        channelId: body.channel?.id ?? '',
      });
      // An ephemeral page is replaced in place; a shared message is never
      // rewritten for everyone by one person's click, so their page comes privately.
      const replace = body.container?.is_ephemeral === true;
      const shown: Reply = replace ? reply : { ...reply, ephemeral: true };
      await respondAll(respond, render(shown), shown, log, replace);
    },
  );
}
