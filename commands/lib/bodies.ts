import { closest, ERROR_CODES, UserError, type CommandContext } from '../../src/core/index.js';
import { echo } from './text.js';

/**
 * The stored body a user means: exact (any case), else the only one containing
 * the words; several or none is a user error that lists candidates.
 */
export async function resolveBody(words: string, context: CommandContext): Promise<string> {
  const wanted = words.replace(/\s+/g, ' ').trim();
  const lower = wanted.toLowerCase();
  const bodies = (await context.store.meetings.bodies()).map((b) => b.body);
  const exact = bodies.find((b) => b.toLowerCase() === lower);
  if (exact) return exact;
  const containing = bodies.filter((b) => b.toLowerCase().includes(lower));
  if (containing.length === 1) return containing[0]!;
  const name = context.settings.commandName;
  if (containing.length > 1) {
    const shown = containing.slice(0, 5).map((b) => `\`${b}\``).join(', ');
    throw new UserError(ERROR_CODES.AMBIGUOUS, `Several groups match \`${echo(wanted)}\`: ${shown}${containing.length > 5 ? ', …' : ''}.`, `Give the full name, e.g. \`/${name} timeline ${containing[0]}\`.`);
  }
  const near = closest(wanted, bodies);
  throw new UserError(
    ERROR_CODES.NOT_FOUND,
    `No meetings of \`${echo(wanted)}\` are stored.`,
    near.length ? `Did you mean ${near.map((b) => `\`${b}\``).join(' or ')}?` : `\`/${name} meetings\` shows which groups have met.`,
  );
}
