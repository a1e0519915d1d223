import { z } from 'zod';

/** True for an IANA time zone this runtime knows. */
function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone, checked when the config is read (a wrong one would otherwise be accepted and then do nothing). */
const TimeZoneSchema = z.string().refine(knownTimeZone, 'not a known IANA time zone; expected a name such as "UTC", "Europe/Berlin" or "America/New_York"');

/** A weighted topic term: a plain string (weight 1) or `{ term, weight }`. */
export const TopicTermSchema = z.union([
  z
    .string()
    .min(1)
    .transform((term) => ({ term, weight: 1 })),
  z.object({ term: z.string().min(1), weight: z.number().positive().max(10) }),
]);

/** One topic of `config/briefing.yaml`. */
export const TopicSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "security-guarantees"'),
  title: z.string().min(1),
  description: z.string().default(''),
  terms: z.array(TopicTermSchema).min(1, 'at least one term'),
});

/** A party: the speakers (by role or name pattern) that speak for one government or body. */
export const PartySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Case-insensitive words or phrases matched against a speaker's name, roles and aliases. */
  match: z.array(z.string().min(1)).min(1),
});

/** A subscription declared in `config/briefing.yaml`; synced into the store at start-up (validated there). */
export const ConfigSubscriptionSchema = z.object({
  /** A stable id; derived from the other fields when absent. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - or _ (at most 64)')
    .optional(),
  target: z.string().min(1, 'a target such as discord:CHANNEL_ID, telegram:CHAT_ID or file:PATH'),
  topics: z.array(z.string().min(1)).min(1, 'at least one topic id'),
  schedule: z.string().default('daily 08:00'),
  timezone: TimeZoneSchema.optional(),
  onEmpty: z.enum(['notify', 'skip']).default('notify'),
});

/** The whole of `config/briefing.yaml`. */
export const BriefingConfigSchema = z.object({
  corpus: z.string().default('briefings/corpus'),
  output: z.string().default('briefings'),
  defaults: z
    .object({
      maxPoints: z.number().int().min(1).max(25).default(8),
      timezone: TimeZoneSchema.default('UTC'),
    })
    .prefault({}),
  topics: z.array(TopicSchema).min(1, 'at least one topic'),
  /** SQLite file of subscriptions and deliveries (`BRIEFING_DB` overrides it). */
  database: z.string().optional(),
  /** Scheduled digests declared by the operator. */
  subscriptions: z.array(ConfigSubscriptionSchema).default([]),
});

/** The whole of `config/parties.yaml` (optional): who speaks for whom, for positions. */
export const PartiesConfigSchema = z.object({ parties: z.array(PartySchema).default([]) });

/** The validated parties. */
export type PartiesConfig = z.infer<typeof PartiesConfigSchema>;

/** The validated briefing configuration. */
export type BriefingConfig = z.infer<typeof BriefingConfigSchema>;

/** One speaker entry of the optional `config/speakers.yaml`. */
export const SpeakerAliasSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  role: z.string().optional(),
  gender: z.enum(['male', 'female']).optional(),
  kind: z.enum(['person', 'body']).default('person'),
});

/** The whole of `config/speakers.yaml`. */
export const SpeakersConfigSchema = z.object({ speakers: z.array(SpeakerAliasSchema).default([]) });

/** The validated speaker aliases. */
export type SpeakersConfig = z.infer<typeof SpeakersConfigSchema>;
