/** Zod building blocks for environment variables: blanks count as unset, messages say what is valid. */
import { z } from 'zod';

/** Treats an empty or blank value as unset. */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional variable (blank = unset). */
export const optionalVar = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** A whole number from `min` to `max`; `what` is the message (what would be valid). */
export const intVar = (min: number, max: number, what: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${what}` })
      .int(`${what}`)
      .min(min, `${what}`)
      .max(max, `${what}`),
  );

/** A Discord id (snowflake). */
export const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'a Discord id: 17–20 digits');

/** What a valid database URL looks like (for messages). */
export const DATABASE_URL_HELP = 'postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (or postgresql://…)';

/** Why a database URL is unusable, or undefined when it is a well-formed postgres:// URL with a host and a database. */
export function databaseUrlProblem(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return `not a URL; expected ${DATABASE_URL_HELP}`;
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    return `scheme "${u.protocol.replace(/:$/, '')}" is not postgres; expected ${DATABASE_URL_HELP}`;
  if (!u.hostname) return `has no host; expected ${DATABASE_URL_HELP}`;
  if (u.pathname.replace(/^\//, '') === '') return `names no database; expected ${DATABASE_URL_HELP}`;
  return undefined;
}
