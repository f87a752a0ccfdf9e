/**
 * @module Cron schedules as CronJobs accept them (robfig/cron's standard parser): five fields
 * (minute hour day-of-month month day-of-week) with `*`, `?`, ranges, steps, lists and month/day
 * names, or a descriptor (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly).
 * `parseCron` validates (with the parser's messages); `nextRun` finds the next time in UTC or
 * a time zone.
 */
import { K3tsError } from '../base/errors.js';

export class CronParseError extends K3tsError {
  constructor(message: string) {
    super('ERR_CRON', message);
  }
}

interface FieldSpec { readonly min: number; readonly max: number; readonly names?: readonly string[] }

const FIELDS: readonly FieldSpec[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};

/** A parsed schedule: the allowed values of each field. */
export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly weekdays: ReadonlySet<number>;
  /** Day-of-month or day-of-week was `*` (robfig's rule: when both are restricted, either matches). */
  readonly anyDay: boolean;
  readonly anyWeekday: boolean;
}

function value(s: string, f: FieldSpec): number {
  const i = f.names?.indexOf(s.toLowerCase()) ?? -1;
  if (i >= 0) return i + f.min;
  if (!/^\d+$/.test(s)) throw new CronParseError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

function parseField(text: string, f: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = f.min;
      hi = f.max;
    } else {
      const [a = '', b] = range.split('-');
      lo = value(a, f);
      hi = b === undefined ? (stepText !== undefined ? f.max : lo) : value(b, f);
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) throw new CronParseError(`failed to parse int from ${stepText ?? ''}: strconv.Atoi: parsing ${JSON.stringify(stepText ?? '')}: invalid syntax`);
    if (lo < f.min) throw new CronParseError(`beginning of range (${lo}) below minimum (${f.min}): ${part}`);
    if (hi > f.max) throw new CronParseError(`end of range (${hi}) above maximum (${f.max}): ${part}`);
    if (lo > hi) throw new CronParseError(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** Parses a schedule; throws CronParseError with robfig/cron's wording. */
export function parseCron(schedule: string): CronSchedule {
  const trimmed = schedule.trim();
  if (/^(CRON_)?TZ=/.test(trimmed)) throw new CronParseError('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
  const expanded = trimmed.startsWith('@') ? DESCRIPTORS[trimmed] : trimmed;
  if (expanded === undefined) throw new CronParseError(`unrecognized descriptor: ${trimmed}`);
  const fields = expanded.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const sets = fields.map((f, i) => parseField(f, FIELDS[i] as FieldSpec));
  return {
    minutes: sets[0] as Set<number>, hours: sets[1] as Set<number>, days: sets[2] as Set<number>, months: sets[3] as Set<number>, weekdays: sets[4] as Set<number>,
    anyDay: fields[2] === '*' || fields[2] === '?', anyWeekday: fields[4] === '*' || fields[4] === '?',
  };
}

/** True when `tz` names an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function wallClock(ms: number, tz: string): { min: number; hour: number; day: number; month: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { min: Number(get('minute')), hour: Number(get('hour')), day: Number(get('day')), month: Number(get('month')), weekday };
}

/** The first minute strictly after `afterMs` the schedule fires, in time zone `tz` (default UTC); undefined past ~4 years. */
export function nextRun(s: CronSchedule, afterMs: number, tz = 'UTC'): number | undefined {
  let t = Math.floor(afterMs / 60000) * 60000 + 60000;
  const limit = t + 4 * 366 * 24 * 3600 * 1000;
  for (; t < limit; t += 60000) {
    const w = wallClock(t, tz);
    if (!s.months.has(w.month)) continue;
    const dayOk = s.anyDay || s.anyWeekday ? s.days.has(w.day) && s.weekdays.has(w.weekday) : s.days.has(w.day) || s.weekdays.has(w.weekday);
    if (!dayOk || !s.hours.has(w.hour) || !s.minutes.has(w.min)) continue;
    return t;
  }
  return undefined;
}
