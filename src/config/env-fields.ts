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
