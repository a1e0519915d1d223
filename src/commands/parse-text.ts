/** Parses a chat line (`/briefing@MyBot summits`) into a command name and raw arguments. */
import type { CommandDefinition, ParseContext, RawArgs } from './command.ts';

/** A command line split into its parts. */
export interface CommandLine {
  /** The command name, lower case, without the slash. */
  name: string;
  /** The bot named after `@`, when the line was addressed to one (`/help@OtherBot`). */
  bot?: string;
  /** Everything after the command word. */
  rest: string;
}

const LINE = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;

/** Splits `/name[@bot] rest`; undefined when the text is not a command. */
export function parseCommandLine(text: string): CommandLine | undefined {
  const m = LINE.exec(text.trim());
  if (!m) return undefined;
  const line: CommandLine = { name: m[1]!.toLowerCase(), rest: (m[3] ?? '').trim() };
  if (m[2]) line.bot = m[2];
  return line;
}

/** Splits arguments on white space, keeping "quoted phrases" (straight or curly quotes) together. */
export function tokenize(rest: string): string[] {
  const tokens: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (const m of rest.matchAll(re)) {
    const t = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (t) tokens.push(t);
  }
  return tokens;
}

/**
 * Maps the argument text of a command onto its options: the command's own parser when it has one,
 * else the first option takes everything (or, with several options and quoted phrases, one each).
 */
export function parseArgs(def: CommandDefinition, rest: string, ctx: ParseContext): RawArgs {
  const tokens = tokenize(rest);
  if (def.options.length === 0 || tokens.length === 0) return {};
  if (def.parseText) return def.parseText(tokens, ctx);
  const quoted = /["“]/.test(rest);
  if (def.options.length === 1 || !quoted) return { [def.options[0]!.name]: tokens.join(' ') };
  const out: RawArgs = {};
  def.options.forEach((o, i) => {
    const last = i === def.options.length - 1;
    const value = last ? tokens.slice(i).join(' ') : tokens[i];
    if (value) out[o.name] = value;
  });
  return out;
}
