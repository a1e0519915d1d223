/** Schedules: presets (`daily 08:00`, `weekdays 18:30`, `hourly`, `weekly mon 09:00`) or cron, and time zones. */
import cron from 'node-cron';
import { fail, ok, type Result } from '../core/model.ts';

/** An invalid schedule or time zone, with a message naming the field and what is valid. */
export interface SpecError {
  code: 'bad_schedule' | 'bad_timezone';
  message: string;
}

/** The expanded fields of a normalised cron expression. */
export interface CronFields {
  minute: number[];
  hour: number[];
  dayOfMonth: number[];
  month: number[];
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number[];
}

/** What schedules look like, for error messages. */
export const SCHEDULE_HELP =
  'a preset ("hourly", "hourly :15", "daily 08:00", "weekdays 18:30", "weekends 10:00", "weekly mon 09:00") or a five-field cron expression such as "0 8 * * 1-5"';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function hhmm(s: string | undefined): { h: number; m: number } | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s ?? '');
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? { h, m: min } : undefined;
}

function presetToCron(words: string[]): string | undefined {
  const [kind, a, b] = words;
  if (kind === 'hourly' && words.length === 1) return '0 * * * *';
  if (kind === 'hourly' && words.length === 2) {
    const m = /^:?(\d{1,2})$/.exec(a ?? '');
    return m && Number(m[1]) <= 59 ? `${Number(m[1])} * * * *` : undefined;
  }
  const dayPart = kind === 'daily' ? '*' : kind === 'weekdays' ? '1-5' : kind === 'weekends' ? '0,6' : undefined;
  if (dayPart && words.length <= 2) {
    const t = words.length === 1 ? { h: 8, m: 0 } : hhmm(a);
    return t ? `${t.m} ${t.h} * * ${dayPart}` : undefined;
  }
  if (kind === 'weekly' && words.length === 3) {
    const d = DAYS.findIndex((n) => n === a || n.slice(0, 3) === a);
    const t = hhmm(b);
    return d >= 0 && t ? `${t.m} ${t.h} * * ${d}` : undefined;
  }
  return undefined;
}

/** Expands a validated five- or six-field cron expression (seconds must be 0). */
export function cronFields(expr: string): Result<CronFields, SpecError> {
  const bad = (why: string) => fail({ code: 'bad_schedule' as const, message: `schedule "${expr}" ${why}; expected ${SCHEDULE_HELP}` });
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) return bad(`has ${parts.length} cron fields`);
  const v = cron.validateDetailed(expr.trim());
  if (!v.valid || !v.fields) {
    const first = v.errors[0];
    return bad(first ? `is not valid cron (${first.field}: ${first.message})` : 'is not valid cron');
  }
  const f = v.fields;
  if (f.second.length !== 1 || f.second[0] !== 0) return bad('has a seconds field; digests run at most once a minute, so leave it out');
  const numeric = (xs: (number | string)[]) => (xs.every((x) => typeof x === 'number') ? (xs as number[]) : undefined);
  const dom = numeric(f.dayOfMonth);
  const dow = numeric(f.dayOfWeek);
  if (!dom || !dow) return bad('uses L, W or # day tokens, which subscriptions do not support');
  return ok({ minute: f.minute, hour: f.hour, dayOfMonth: dom, month: f.month, dayOfWeek: [...new Set(dow.map((d) => d % 7))] });
}

/** Turns a preset or a cron expression into a normalised five-field cron expression. */
export function parseSchedule(input: string): Result<{ cron: string; fields: CronFields }, SpecError> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return fail({ code: 'bad_schedule', message: `schedule is empty; expected ${SCHEDULE_HELP}` });
  const words = text.split(' ');
  const isPreset = /^[a-z]/.test(text) && ['hourly', 'daily', 'weekdays', 'weekends', 'weekly'].includes(words[0] ?? '');
  const expr = isPreset ? presetToCron(words) : text;
  if (!expr) return fail({ code: 'bad_schedule', message: `schedule "${input}" is not a valid preset; expected ${SCHEDULE_HELP}` });
  const fields = cronFields(expr);
  if (!fields.ok) return fields;
  const five = expr.split(' ').length === 6 ? expr.split(' ').slice(1).join(' ') : expr;
  return ok({ cron: five, fields: fields.value });
}

/** Checks an IANA time zone with `Intl.DateTimeFormat` and returns its canonical spelling. */
export function parseTimezone(input: string): Result<string, SpecError> {
  const tz = input.trim();
  try {
    if (tz === '') throw new RangeError('empty');
    return ok(new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone);
  } catch {
    return fail({
      code: 'bad_timezone',
      message: `timezone "${input}" is not a known IANA time zone; expected a name such as "UTC", "Europe/Berlin" or "America/New_York"`,
    });
  }
}
