import type { Reply } from './reply.js';
import type { Request } from './request.js';
import type { CommandContext } from './context.js';

/** A `key:value` option a command accepts. */
export interface OptionSpec {
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  type?: 'string' | 'integer';
  /** Fixed values (Discord shows them as choices). */
  choices?: readonly string[];
  /** Values the platform may suggest as the user types. */
  autocomplete?: 'body' | 'meeting' | 'topic' | 'timezone';
  required?: boolean;
}

/** The positional words a command takes, as one argument. */
export interface ArgumentSpec {
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: OptionSpec['autocomplete'];
}

export type Permission = 'manage-channel' | 'manage-sources';

export interface CommandDef {
  /** Lowercase, 1–32 characters. */
  name: string;
  /** One line, at most 100 characters. */
  summary: string;
  /** Longer help, shown by `help <name>`. */
  description?: string;
  argument?: ArgumentSpec;
  options: readonly OptionSpec[];
  examples: readonly string[];
  /**
   * Accept `key:value` words not listed in `options` as part of the argument
   * (filters such as `topic:sahel AND body:"Small Group"`).
   */
  freeformOptions?: boolean;
  /**
   * The answer depends only on the command line and the stored facts, never on
   * who asks, where, or their settings: it may be reused for a few seconds
   * while no document is added.
   */
  cacheable?: boolean;
  run(request: Request, context: CommandContext): Promise<Reply>;
}

/** Declares a command module; `satisfies` keeps literal types. */
export function defineCommand(def: CommandDef): CommandDef {
  return def;
}

/** `meetings [body:] [topic:] ...`, built from the definition. */
export function usageOf(def: CommandDef): string {
  const parts = [def.name];
  if (def.argument) parts.push(def.argument.required ? `<${def.argument.name}>` : `[${def.argument.name}]`);
  for (const o of def.options) parts.push(o.required ? `${o.name}:<value>` : `[${o.name}:]`);
  return parts.join(' ');
}
