import { normalizeInput, parseLine } from './args.js';
import type { CommandDef } from './command.js';
import type { CommandContext } from './context.js';
import { replyForError } from './error-reply.js';
import { ERROR_CODES, UserError } from './errors.js';
import type { Reply } from './reply.js';
import { atMostEvery, deepFreeze, ReplyCache } from './reply-cache.js';
import type { Asker, Request } from './request.js';
import { closest } from './suggest.js';

export interface Dispatcher {
  /** Answers one command line (`/brief meetings topic:sahel` or `meetings topic:sahel`). Never throws. */
  handle(text: string, asker: Asker): Promise<Reply>;
  /** Parses and validates without running, for platforms that need the command first. */
  parse(text: string, asker: Asker): { command: CommandDef; request: Request };
}

export interface DispatcherOptions {
  /** How long answers of `cacheable` commands may be reused (0, the default, never). */
  replyCacheMs?: number;
  /**
   * How often the store is asked whether a document was added, while answers are reused
   * (default 250 ms): a new document shows in cached answers within this time.
   */
  freshnessMs?: number;
  /** Milliseconds on a steady clock; injectable for tests. */
  clock?: () => number;
}

type Parsed = { command: CommandDef; request: Request };

/** Distinct raw lines remembered as cacheable; the memo is dropped whole when full. */
const MAX_KNOWN_LINES = 1_000;

export function createDispatcher(context: CommandContext, options: DispatcherOptions = {}): Dispatcher {
  const byName = new Map(context.commands.map((c) => [c.name, c]));
  const name = context.settings.commandName;
  const clock = options.clock ?? Date.now;
  const cache = new ReplyCache({ ttlMs: options.replyCacheMs ?? 0, now: clock });
  // Raw text → its normalized line, for lines that parse to a cacheable command: a repeat
  // is then answered without parsing it again.
  const knownLines = new Map<string, string>();
  // A new document can change any answer; the store is asked at most once per freshnessMs.
  const lastSeq = atMostEvery(options.freshnessMs ?? 250, clock, () => context.store.documents.lastSeq());

  async function cachedAnswer(line: string, parsed: () => Parsed): Promise<Reply> {
    return cache.answer(line, await lastSeq(), async () => {
      const { command, request } = parsed();
      return deepFreeze(await command.run(request, context));
    });
  }

  function parse(text: string, asker: Asker): Parsed {
    const line = normalizeInput(text, name);
    if (!line) {
      throw new UserError(ERROR_CODES.EMPTY_COMMAND, 'Tell me what to do, for example `/brief meetings`.', `Type \`/${name} help\` for every command.`);
    }
    const parsed = parseLine(line);
    const command = byName.get(parsed.subcommand);
    if (!command) throw unknownCommand(parsed.subcommand, [...byName.keys()], name);
    checkOptions(command, parsed.options, context.commands, name);
    return { command, request: { ...asker, ...parsed, text: line } };
  }

  return {
    parse,
    async handle(text, asker) {
      try {
        const known = cache.enabled ? knownLines.get(text) : undefined;
        if (known !== undefined) return await cachedAnswer(known, () => parse(text, asker));
        const parsed = parse(text, asker);
        if (!parsed.command.cacheable || !cache.enabled) return await parsed.command.run(parsed.request, context);
        if (knownLines.size >= MAX_KNOWN_LINES) knownLines.clear();
        knownLines.set(text, parsed.request.text);
        return await cachedAnswer(parsed.request.text, () => parsed);
      } catch (error) {
        return replyForError(error, context.log, { channel: asker.channel, user: asker.user.ref });
      }
    },
  };
}

function unknownCommand(word: string, names: string[], name: string): UserError {
  const shown = word.length > 40 ? `${word.slice(0, 40)}…` : word;
  const near = closest(word, names);
  const hint = near.length
    ? `Did you mean ${near.map((n) => `\`/${name} ${n}\``).join(' or ')}?`
    : `Type \`/${name} help\` to see every command.`;
  return new UserError(ERROR_CODES.UNKNOWN_COMMAND, `There is no \`${shown}\` command.`, hint);
}

function checkOptions(command: CommandDef, options: Record<string, string>, all: readonly CommandDef[], name: string): void {
  for (const [key, value] of Object.entries(options)) {
    const spec = command.options.find((o) => o.name === key);
    if (!spec) {
      if (command.freeformOptions) continue;
      const owners = all.filter((c) => c.options.some((o) => o.name === key)).map((c) => c.name);
      const accepted = command.options.map((o) => `${o.name}:`).join(', ') || 'no options';
      const elsewhere = owners.length ? ` (\`${key}:\` belongs to ${owners.map((o) => `\`${o}\``).join(', ')})` : '';
      throw new UserError(
        ERROR_CODES.UNKNOWN_OPTION,
        `\`${command.name}\` has no option \`${key.slice(0, 32)}:\`${elsewhere}.`,
        `It accepts ${accepted}. See \`/${name} help ${command.name}\`.`,
      );
    }
    if (!value) {
      throw new UserError(ERROR_CODES.BAD_OPTION, `\`${key}:\` needs a value.`, `For example \`${key}:${spec.choices?.[0] ?? 'value'}\`.`);
    }
    if (spec.choices && !spec.choices.includes(value.toLowerCase())) {
      throw new UserError(ERROR_CODES.BAD_OPTION, `\`${key}:\` cannot be \`${value.slice(0, 40)}\`.`, `Choose one of: ${spec.choices.join(', ')}.`);
    }
    if (spec.type === 'integer' && !/^\d{1,6}$/.test(value)) {
      throw new UserError(ERROR_CODES.BAD_OPTION, `\`${key}:\` takes a whole number, not \`${value.slice(0, 40)}\`.`, `For example \`${key}:2\`.`);
    }
  }
  for (const spec of command.options) {
    if (spec.required && !(spec.name in options)) {
      throw new UserError(ERROR_CODES.MISSING_ARGUMENT, `\`${command.name}\` needs \`${spec.name}:\`.`, `See \`/${name} help ${command.name}\`.`);
    }
  }
}
