import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import {
  SHELL_CHANNEL,
  SHELL_USER,
  renderPlainText,
  type Asker,
  type DeliveryMark,
  type Dispatcher,
  type Platform,
  type Reply,
  type Subscriber,
} from '../../core/index.js';

export interface ShellOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: prompt, history, and the REPL stays open. */
  interactive: boolean;
  commandName: string;
  /** Where typed commands are remembered between sessions. */
  historyFile?: string;
  /** Called once, when input ends or the user types /quit. */
  onExit: () => void;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', '\\q']);
const HISTORY_SIZE = 500;

/**
 * The person at the terminal may manage the only channel there is. The shell is
 * a conversation with the bot alone, so it counts as a direct message: `why` and
 * `schedule` look at the person's own subscriptions, and personal digests print here.
 */
export const SHELL_ASKER: Asker = {
  user: { ref: SHELL_USER, name: 'you' },
  channel: SHELL_CHANNEL,
  isDirect: true,
  canManageChannel: true,
  canManageSources: true,
};

/**
 * The embedded platform: a REPL on the terminal, or one command per line when
 * input is piped. Scheduled digests print into it as they fire.
 */
export function createShellPlatform(options: ShellOptions): Platform {
  let rl: Interface | undefined;
  let sent = 0;
  const write = (text: string) => {
    options.output.write(`${text}\n`);
    if (rl && options.interactive) rl.prompt(true);
  };

  async function run(dispatcher: Dispatcher): Promise<void> {
    rl = createInterface({
      input: options.input,
      output: options.interactive ? options.output : undefined,
      terminal: options.interactive,
      history: options.interactive ? loadHistory(options.historyFile) : [],
      historySize: HISTORY_SIZE,
      prompt: `${options.commandName}> `,
    });
    if (options.interactive) {
      options.output.write(`Briefbot shell. Type ${options.commandName === 'brief' ? '' : `/${options.commandName} `}help, or /quit to leave.\n`);
      rl.prompt();
    }
    for await (const raw of rl) {
      const line = raw.trim();
      if (QUIT.has(line.toLowerCase())) break;
      if (line) {
        const reply = await dispatcher.handle(toCommandText(line, options.commandName), SHELL_ASKER);
        options.output.write(`${renderPlainText(reply)}\n\n`);
      }
      if (options.interactive) rl.prompt();
    }
    saveHistory(options.historyFile, rl);
    rl.close();
    rl = undefined;
    options.onExit();
  }

  return {
    name: 'shell',
    async start(dispatcher) {
      // The REPL runs until input ends; start() must return so the rest of the bot can start.
      void run(dispatcher);
    },
    async stop() {
      rl?.close();
    },
    renderParts(reply: Reply) {
      return [renderPlainText(reply)];
    },
    async sendPart(to: Subscriber, part: unknown, mark: DeliveryMark) {
      write(`\n── ${mark.digest} for ${to.kind === 'user' ? 'you' : to.ref} (${mark.slot}) ──\n${String(part)}\n`);
      sent += 1;
      return { messageId: `shell-${mark.key}-${sent}` };
    },
    async notify(_user, reply) {
      write(`\n${renderPlainText(reply)}\n`);
    },
  };
}

/** `/brief meetings`, `meetings` and `/meetings` all mean the same in the shell. */
export function toCommandText(line: string, commandName: string): string {
  if (line.startsWith('/') && !line.toLowerCase().startsWith(`/${commandName}`)) return line.slice(1);
  return line;
}

function loadHistory(file: string | undefined): string[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_SIZE);
}

function saveHistory(file: string | undefined, rl: Interface): void {
  const history = (rl as unknown as { history?: string[] }).history;
  if (!file || !history?.length) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, [...history].reverse().join('\n') + '\n');
}
