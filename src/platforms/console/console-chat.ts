/** A local chat on stdin/stdout with the same commands, rendered as plain text. Ends at end of input. */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { CommandDeps } from '../../commands/command.ts';
import { invoke } from '../../commands/invoke.ts';
import { parseCommandLine } from '../../commands/parse-text.ts';
import { errorReply } from '../../commands/reply-helpers.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { renderPlain } from '../shared/render-plain.ts';

/** Options of the console chat. */
export interface ConsoleOptions {
  deps: CommandDeps;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Show a prompt and a greeting (only when a person is typing at a terminal). */
  interactive: boolean;
  limiter?: RateLimiter;
}

const APOLOGY = errorReply('Sorry, something went wrong', 'That command failed on our side; the error is in the log.');

/** Reads the line as a command; a line without the slash is read as if it had one (`briefing summits`). */
function toCommand(line: string): { name: string; rest: string } | undefined {
  const text = line.trim();
  if (!text) return undefined;
  return parseCommandLine(text.startsWith('/') ? text : `/${text}`) ?? { name: text.split(/\s+/)[0] ?? text, rest: '' };
}

function write(output: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (output.write(text)) resolve();
    else output.once('drain', () => resolve());
  });
}

/** Runs the chat until the input ends (or `/quit`); resolves once every answer is written. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const { output, interactive } = opts;
  const rl = readline.createInterface({ input: opts.input, ...(interactive ? { output, terminal: true, prompt: '> ' } : { terminal: false }) });
  if (interactive) {
    await write(output, 'Briefing bot (local). Type /help for the commands, /quit to leave.\n');
    rl.prompt();
  }
  for await (const line of rl) {
    const cmd = toCommand(line);
    if (cmd && ['quit', 'exit'].includes(cmd.name)) break;
    if (cmd) {
      let text: string | undefined;
      try {
        const reply = await invoke(opts.deps, opts.limiter, {
          name: cmd.name,
          args: cmd.rest,
          ctx: { target: 'console:local', user: 'console:local' },
          mayManage: async () => true,
        });
        text = reply ? renderPlain(reply) : undefined;
      } catch (err) {
        opts.logger.error({ err, command: cmd.name }, 'console command failed');
        text = renderPlain(APOLOGY);
      }
      if (text !== undefined) await write(output, `${text}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  await new Promise<void>((resolve) => output.write('', () => resolve()));
}
