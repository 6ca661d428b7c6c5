/** A resolved slash-command option, as discord.js gives it (`options.data`). */
export interface SlashOption {
  name: string;
  value?: string | number | boolean;
}

// The core tokenizer treats all of these as quotes and has no escape character.
const QUOTES = /["“”„]/g;

/**
 * Turns a subcommand and its options back into the command line the dispatcher
 * reads: `<sub> <argument> key:"value" ...`. The argument goes in as typed, so
 * filters such as `topic:sahel AND body:"Small Group"` keep their meaning.
 */
export function toCommandText(sub: string, options: readonly SlashOption[], argumentName?: string): string {
  const words = [sub];
  const arg = argumentName ? options.find((o) => o.name === argumentName) : undefined;
  if (arg?.value !== undefined && String(arg.value).trim()) words.push(String(arg.value).trim());
  for (const o of options) {
    if (o === arg || o.value === undefined) continue;
    words.push(`${o.name}:"${String(o.value).replace(QUOTES, "'")}"`);
  }
  return words.join(' ');
}
