/** Zod building blocks for command arguments, with messages that say what would be valid. */
import { z } from 'zod';
import type { CommandOption, OptionKind } from './command.ts';

/** An optional free-text argument: trimmed, empty means absent, at most `max` characters. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));
}

/** Describes one option for the platforms. */
export function option(name: string, kind: OptionKind, description: string, required = false, maxLength = 100): CommandOption {
  return { name, kind, description, required, maxLength };
}
