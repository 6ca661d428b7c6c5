import type { ArgumentSpec, CommandDef, OptionSpec } from '../../core/index.js';
import { truncate } from './render.js';

/** Discord application command JSON, as PUT to /applications/{id}/commands. */
export interface CommandOption {
  type: 1 | 3 | 4;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  min_value?: number;
  options?: CommandOption[];
}

export interface CommandPayload {
  type: 1;
  name: string;
  description: string;
  contexts?: number[];
  options: CommandOption[];
}

export const OPTION_TYPE = { subcommand: 1, string: 3, integer: 4 } as const;
export const MAX_OPTIONS = 25;
export const MAX_CHOICES = 25;
/** DAD application-commands: names are 1–32 of these, lowercase where a letter has case. */
export const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * A registry name as a valid Discord option name: `meeting id` → `meeting-id`.
 * The interaction handler maps names back through the same function.
 */
export function discordName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return cleaned || 'value';
}

const description = (text: string) => truncate(text.replace(/\s+/g, ' ').trim() || '-', 100);

/** The `/brief` command with one subcommand per definition. */
export function buildCommandPayload(commands: readonly CommandDef[], commandName: string, scope: 'guild' | 'global' = 'guild'): CommandPayload {
  return {
    type: 1,
    name: commandName.toLowerCase(),
    description: description(`Briefings on coalition meetings: ${commands.map((c) => c.name).join(', ')}`),
    // Global commands also work in the bot's DMs; guild commands cannot.
    ...(scope === 'global' ? { contexts: [0, 1] } : {}),
    options: commands.slice(0, MAX_OPTIONS).map(subcommand),
  };
}

function subcommand(def: CommandDef): CommandOption {
  const options = [...(def.argument ? [argumentOption(def.argument)] : []), ...def.options.map(optionOf)];
  // Discord rejects a required option after an optional one.
  options.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return { type: OPTION_TYPE.subcommand, name: discordName(def.name), description: description(def.summary), options: options.slice(0, MAX_OPTIONS) };
}

function argumentOption(arg: ArgumentSpec): CommandOption {
  return {
    type: OPTION_TYPE.string,
    name: discordName(arg.name),
    description: description(arg.description),
    required: Boolean(arg.required),
    ...(arg.autocomplete ? { autocomplete: true } : {}),
  };
}

function optionOf(spec: OptionSpec): CommandOption {
  const integer = spec.type === 'integer';
  const option: CommandOption = {
    type: integer ? OPTION_TYPE.integer : OPTION_TYPE.string,
    name: discordName(spec.name),
    description: description(spec.description),
    required: Boolean(spec.required),
  };
  if (integer) option.min_value = 0;
  // More than 25 fixed values cannot be choices; the dispatcher still checks them.
  if (spec.choices?.length && spec.choices.length <= MAX_CHOICES) {
    option.choices = spec.choices.map((c) => ({ name: truncate(c, 100), value: integer ? Number(c) : c.slice(0, 100) }));
  } else if (spec.autocomplete) {
    option.autocomplete = true;
  }
  return option;
}

/** Every way the payload breaks Discord's rules; empty when it would be accepted. */
export function validateCommandPayload(payload: CommandPayload): string[] {
  const problems: string[] = [];
  checkNamed(payload.name, payload.description, payload.name, problems);
  checkOptions(payload.options, payload.name, problems);
  const size = characters(payload);
  if (size > 8000) problems.push(`${payload.name}: ${size} characters in names, descriptions and choices (limit 8000)`);
  return problems;
}

function checkNamed(name: string, desc: string, where: string, problems: string[]): void {
  if (!NAME_PATTERN.test(name)) problems.push(`${where}: name "${name}" does not match Discord's name pattern`);
  if (name !== name.toLowerCase()) problems.push(`${where}: name "${name}" is not lowercase`);
  if (desc.length < 1 || desc.length > 100) problems.push(`${where}: description is ${desc.length} characters (1–100)`);
}

function checkOptions(options: readonly CommandOption[], where: string, problems: string[]): void {
  if (options.length > MAX_OPTIONS) problems.push(`${where}: ${options.length} options (limit ${MAX_OPTIONS})`);
  const seen = new Set<string>();
  let optionalSeen = false;
  for (const o of options) {
    const at = `${where} ${o.name}`;
    checkNamed(o.name, o.description, at, problems);
    if (seen.has(o.name)) problems.push(`${at}: duplicate option name`);
    seen.add(o.name);
    if (o.type !== OPTION_TYPE.subcommand) {
      if (o.required && optionalSeen) problems.push(`${at}: required option after an optional one`);
      if (!o.required) optionalSeen = true;
    }
    if (o.choices && o.autocomplete) problems.push(`${at}: choices and autocomplete together`);
    if (o.choices && o.choices.length > MAX_CHOICES) problems.push(`${at}: ${o.choices.length} choices (limit ${MAX_CHOICES})`);
    for (const c of o.choices ?? []) {
      if (c.name.length < 1 || c.name.length > 100) problems.push(`${at}: choice name "${c.name.slice(0, 20)}" is ${c.name.length} characters (1–100)`);
      if (typeof c.value === 'string' && c.value.length > 100) problems.push(`${at}: choice value is ${c.value.length} characters (≤100)`);
      if (typeof c.value === 'number' && !Number.isInteger(c.value)) problems.push(`${at}: choice value ${c.value} is not an integer`);
    }
    if (o.options) {
      if (o.type !== OPTION_TYPE.subcommand) problems.push(`${at}: only subcommands have options`);
      checkOptions(o.options, at, problems);
    }
  }
}

function characters(o: { name: string; description: string; options?: CommandOption[]; choices?: CommandOption['choices'] }): number {
  let n = o.name.length + o.description.length;
  for (const c of o.choices ?? []) n += c.name.length + String(c.value).length;
  for (const child of o.options ?? []) n += characters(child);
  return n;
}
