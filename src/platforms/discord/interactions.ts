import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { renderSharedOnce, type CommandDef, type Dispatcher, type Logger, type Reply } from '../../core/index.js';
import { askerOf } from './asker.js';
import { discordName } from './command-payload.js';
import { toCommandText } from './command-text.js';
import { isPageButton, type PageButtons } from './page-button.js';
import { RecentIds } from './recent-ids.js';
import { renderParts, truncate } from './render.js';
import { NO_MENTIONS } from './send.js';

export type AutocompleteKind = 'body' | 'meeting' | 'topic' | 'timezone';
export type AutocompleteSource = (kind: AutocompleteKind, typed: string) => Promise<Array<{ name: string; value: string }>>;

export interface InteractionDeps {
  dispatcher: Dispatcher;
  commandName: string;
  commands: readonly CommandDef[];
  pages: PageButtons;
  log: Logger;
  autocomplete?: AutocompleteSource;
  /** Discord drops an answer after 3 s; past this we defer and edit later. */
  deferAfterMs: number;
}

/** Returns the gateway listener; each interaction id is answered at most once. */
export function interactionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const recent = new RecentIds();
  return async (interaction) => {
    if (!recent.claim(interaction.id)) {
      deps.log.debug({ id: interaction.id }, 'discord interaction already handled');
      return;
    }
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction, deps);
      else if (interaction.isButton() && isPageButton(interaction.customId)) await onPageButton(interaction, deps);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction, deps);
    } catch (error) {
      deps.log.error({ err: error, id: interaction.id }, 'discord interaction failed');
    }
  };
}

async function onCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  if (interaction.commandName !== deps.commandName) return;
  const sub = interaction.options.getSubcommand(false) ?? '';
  const def = deps.commands.find((c) => discordName(c.name) === sub);
  const argName = def?.argument ? discordName(def.argument.name) : undefined;
  // Discord names were made from the registry's; map them back for the dispatcher.
  const given = (interaction.options.data[0]?.options ?? []).map((o) => ({
    name: o.name === argName ? o.name : (def?.options.find((s) => discordName(s.name) === o.name)?.name ?? o.name),
    value: o.value,
  }));
  const text = toCommandText(def?.name ?? sub, given, argName);
  await answer(interaction, text, deps);
}

async function onPageButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const text = await deps.pages.textOf(interaction.customId);
  if (!text) {
    await interaction.reply({
      content: 'This button has expired; run the command again.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  await answer(interaction, text, deps);
}

/**
 * Races the dispatcher against the defer deadline. A command answers in place;
 * a page button replaces the message it sits on, unless the answer is an error,
 * which only the clicker sees.
 */
async function answer(interaction: ChatInputCommandInteraction | ButtonInteraction, text: string, deps: InteractionDeps): Promise<void> {
  const work = deps.dispatcher.handle(text, askerOf(interaction));
  const quick = await raceTimeout(work, deps.deferAfterMs);
  const update = interaction.isButton();
  if (!quick) {
    if (update) await interaction.deferUpdate();
    else await interaction.deferReply();
  }
  const reply = quick ?? (await work);
  const messages = await toMessages(reply, deps.pages);
  const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
  const [first, ...rest] = messages;
  if (!first) return;

  if (update && reply.error) {
    if (quick) await interaction.reply({ ...first, flags: MessageFlags.Ephemeral });
    else await interaction.followUp({ ...first, flags: MessageFlags.Ephemeral });
  } else if (update) {
    if (quick) await interaction.update(first);
    else await interaction.editReply(first);
  } else if (quick) {
    await interaction.reply({ ...first, flags });
  } else if (reply.ephemeral) {
    // A deferred reply is public; an ephemeral answer replaces it with a private follow-up.
    await interaction.deleteReply();
    await interaction.followUp({ ...first, flags });
  } else {
    await interaction.editReply(first);
  }
  for (const message of rest) await interaction.followUp({ ...message, flags: update && reply.error ? MessageFlags.Ephemeral : flags });
}

const render = renderSharedOnce(renderParts);

/**
 * Our embeds and rows are already the API's JSON; handed over as plain objects,
 * discord.js would snake-case every key of every embed again on each send.
 */
function asJson<T>(data: T): { toJSON(): T } {
  return { toJSON: () => data };
}

async function toMessages(reply: Reply, pages: PageButtons) {
  const parts = render(reply);
  const components = (await pages.row(reply.paging)).map(asJson);
  return parts.map((part, i) => ({
    content: part.content ?? '',
    embeds: part.embeds.map(asJson),
    components: i === parts.length - 1 ? components : [],
    allowedMentions: NO_MENTIONS,
  }));
}

async function onAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  if (interaction.commandName !== deps.commandName) return;
  const focused = interaction.options.getFocused(true);
  const sub = interaction.options.getSubcommand(false);
  const def = deps.commands.find((c) => discordName(c.name) === sub);
  const spec =
    def?.argument && discordName(def.argument.name) === focused.name ? def.argument : def?.options.find((o) => discordName(o.name) === focused.name);
  const kind = spec?.autocomplete;
  if (!kind || !deps.autocomplete) {
    await interaction.respond([]);
    return;
  }
  const found = (await raceTimeout(deps.autocomplete(kind, String(focused.value)), deps.deferAfterMs)) ?? [];
  await interaction.respond(
    found.slice(0, 25).map((c) => ({ name: truncate(c.name || c.value, 100), value: c.value.slice(0, 100) })),
  );
}

/** The promise's value if it settles within `ms`, otherwise null (it keeps running). */
async function raceTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
