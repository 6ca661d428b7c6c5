import { closest, defineCommand, ERROR_CODES, usageOf, UserError, type Block, type CommandContext, type CommandDef, type Reply } from '../src/core/index.js';
import { fitReply } from './lib/budget.js';
import { echo } from './lib/text.js';

export default defineCommand({
  name: 'help',
  summary: 'Every command, or one in detail',
  cacheable: true,
  description: 'With no word, lists every command with its usage; `help <command>` shows its options and examples. Only you see it.',
  argument: { name: 'command', description: 'A command to explain, e.g. meetings' },
  options: [],
  examples: ['help', 'help meetings', 'help subscribe'],
  async run(request, context) {
    const word = request.positional[0]?.toLowerCase().replace(/^\//, '');
    if (word === undefined) return overview(context);
    const command = context.commands.find((c) => c.name === word);
    if (!command) {
      const near = closest(word, context.commands.map((c) => c.name));
      throw new UserError(
        ERROR_CODES.UNKNOWN_COMMAND,
        `There is no \`${echo(word)}\` command.`,
        near.length ? `Did you mean ${near.map((n) => `\`/${context.settings.commandName} help ${n}\``).join(' or ')}?` : `\`/${context.settings.commandName} help\` lists every command.`,
      );
    }
    return detail(command, context);
  },
});

function overview(context: CommandContext): Reply {
  const name = context.settings.commandName;
  return fitReply({
    title: `/${name} commands`,
    blocks: [
      { type: 'list', items: context.commands.map((c) => [{ text: `/${name} ${usageOf(c)}`, bold: true }, `: ${c.summary}`]) },
      { type: 'context', text: `\`/${name} help <command>\` explains one, with examples.` },
    ],
    ephemeral: true,
  });
}

function detail(command: CommandDef, context: CommandContext): Reply {
  const name = context.settings.commandName;
  const blocks: Block[] = [{ type: 'text', text: command.description ?? command.summary }, { type: 'fields', fields: [{ name: 'Usage', value: `/${name} ${usageOf(command)}` }] }];
  const args = command.argument ? [`${command.argument.name}: ${command.argument.description}`] : [];
  const options = command.options.map((o) => `${o.name}: ${o.description}${o.choices ? ` (${o.choices.join(', ')})` : ''}`);
  if (args.length || options.length) blocks.push({ type: 'heading', text: 'Arguments and options' }, { type: 'list', items: [...args, ...options] });
  if (command.examples.length) blocks.push({ type: 'heading', text: 'Examples' }, { type: 'list', items: command.examples.map((e) => `/${name} ${e}`) });
  return fitReply({ title: `/${name} ${command.name}`, blocks, ephemeral: true });
}
