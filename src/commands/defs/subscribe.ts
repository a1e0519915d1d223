/** `/subscribe <topic…> [schedule] [timezone]`: a scheduled digest for this chat. */
import { z } from 'zod';
import { parseTimezone } from '../../scheduler/schedule-spec.ts';
import { suggest } from '../../core/briefing.ts';
import { defineCommand, type ParseContext, type RawArgs } from '../command.ts';
import { option, optionalText } from '../args.ts';
import { topicChoices } from '../menus.ts';
import { clip, engineErrorReply, errorReply, infoReply } from '../reply-helpers.ts';

/** Words that start a schedule preset (`daily 08:00`, `weekly mon 09:00`); the scheduler validates the schedule itself. */
export const SCHEDULE_WORDS = ['hourly', 'daily', 'weekdays', 'weekends', 'weekly'];

/** True when a word begins a schedule: a preset word, a cron field, or a time. */
export function startsSchedule(word: string): boolean {
  return SCHEDULE_WORDS.includes(word.toLowerCase()) || /^[\d*/,-]+$/.test(word) || /^:?\d{1,2}(:\d{2})?$/.test(word) || word.startsWith('@');
}

/** True for an IANA time zone this runtime knows (`Europe/Berlin`, `UTC`); the shape check keeps words that are not zones cheap to reject. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value) && !/^(UTC|GMT)([+-]\d{1,2})?$/i.test(value)) return false;
  return parseTimezone(value).ok;
}

/** Splits `topic… [schedule] [timezone]`: a trailing time zone is recognised, the schedule starts at its first word, the rest are topics. */
export function parseSubscribe(tokens: string[], ctx: ParseContext): RawArgs {
  const rest = [...tokens];
  let timezone: string | undefined;
  const last = rest.at(-1);
  if (last && rest.length > 1 && !ctx.topicIds.includes(last.toLowerCase()) && !startsSchedule(last) && isTimeZone(last)) timezone = rest.pop();
  const topics: string[] = [];
  const schedule: string[] = [];
  for (const t of rest) {
    if (schedule.length === 0 && (ctx.topicIds.includes(t.toLowerCase()) || !startsSchedule(t))) topics.push(t.toLowerCase());
    else schedule.push(t);
  }
  const out: RawArgs = { topics: topics.join(' ') };
  if (schedule.length) out.schedule = schedule.join(' ');
  if (timezone) out.timezone = timezone;
  return out;
}

/** The `/subscribe` command. */
export const subscribeCommand = defineCommand({
  name: 'subscribe',
  description: 'Get a topic digest in this chat on a schedule',
  usage: '/subscribe <topic…> [schedule] [timezone]',
  options: [
    option('topics', 'topic', 'One or more topics, separated by spaces or commas', true, 300),
    option('schedule', 'schedule', 'daily 08:00, weekdays 18:30, hourly, weekly mon 09:00, or cron; default daily 08:00'),
    option('timezone', 'timezone', 'An IANA time zone such as Europe/Berlin; default the configured one'),
  ],
  schema: z.object({
    topics: optionalText(300),
    schedule: optionalText(100),
    timezone: optionalText(64).refine((v) => v === undefined || isTimeZone(v), 'an IANA time zone such as Europe/Berlin or UTC'),
  }),
  admin: true,
  parseText: parseSubscribe,
  async handler(deps, args, ctx) {
    const briefing = deps.briefing();
    if (!deps.subscriptions)
      return errorReply('Scheduling is not configured', 'This bot runs without a schedule store, so it cannot deliver digests on a schedule.');
    if (ctx.target.startsWith('console:')) {
      return infoReply(
        'Schedules are for chats',
        'The console cannot receive scheduled digests. Subscribe a Discord channel or Telegram chat from there, or a file from the command line: briefing subscribe --target file:digests.jsonl --topic summits --schedule "daily 08:00"',
      );
    }
    if (!args.topics)
      return infoReply(
        'Pick a topic',
        'Which topic should this chat receive on a schedule? (Add a schedule after it, e.g. daily 08:00.)',
        topicChoices(briefing, 'subscribe'),
      );
    const topics = [
      ...new Set(
        args.topics
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((t) => t.toLowerCase()),
      ),
    ];
    const known = briefing.topics().map((t) => t.id);
    const unknown = topics.find((t) => !known.includes(t));
    if (unknown) return engineErrorReply({ code: 'unknown_topic', input: unknown, known, suggestions: suggest(unknown, known) }, 'subscribe');
    if (topics.length === 0) return infoReply('Pick a topic', 'Which topic should this chat receive?', topicChoices(briefing, 'subscribe'));
    const result = await deps.subscriptions.subscribe({
      target: ctx.target,
      topics,
      schedule: args.schedule ?? '',
      ...(args.timezone ? { timezone: args.timezone } : {}),
      createdBy: ctx.user,
    });
    if (!result.ok) return errorReply('Could not subscribe', clip(result.error.message, 500));
    const s = result.value;
    return infoReply(
      'Subscribed',
      `Subscription ${s.id}: ${s.topics.join(', ')} — ${s.schedule}${s.timezone ? ` (${s.timezone})` : ''}. Use /unsubscribe ${s.id} to stop it.`,
    );
  },
});
