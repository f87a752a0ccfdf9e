/**
 * @module The JSON forms of Kubernetes's special scalars: Time (RFC 3339, seconds), MicroTime
 * (RFC 3339 with six fractional digits), Quantity strings and base64 byte strings. Shared by
 * strict decoding (which checks them) and protobuf (which converts them).
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** A point in time as protobuf carries it (Go's time.Unix pair). */
export interface Timestamp {
  readonly seconds: number;
  readonly nanos: number;
}

/** The earliest instant Go considers zero (0001-01-01T00:00:00Z), in Unix seconds. */
export const ZERO_TIME_SECONDS = -62135596800;

/** Parses an RFC 3339 time as Go's time.Parse(time.RFC3339) does; undefined when malformed. */
export function parseTime(s: string): Timestamp | undefined {
  const m = RFC3339.exec(s);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  if (n(2) < 1 || n(2) > 12 || n(3) < 1 || n(3) > 31 || n(4) > 23 || n(5) > 59 || n(6) > 59) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const d = new Date(0);
  d.setUTCFullYear(n(1), n(2) - 1, n(3));
  d.setUTCHours(n(4), n(5), n(6), 0);
  if (d.getUTCDate() !== n(3)) return undefined;
  let seconds = d.getTime() / 1000;
  if (m[9]) seconds -= (m[9] === '-' ? -1 : 1) * (n(10) * 3600 + n(11) * 60);
  const nanos = m[7] ? Number(m[7].padEnd(9, '0')) : 0;
  return { seconds, nanos };
}

const pad = (v: number, w: number) => String(v).padStart(w, '0');

function isoSeconds(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
}

/** Go's Time JSON form: UTC, whole seconds; undefined for the zero time (Go writes null). */
export function formatTime(t: Timestamp): string | undefined {
  if (t.seconds === ZERO_TIME_SECONDS && t.nanos === 0) return undefined;
  return `${isoSeconds(t.seconds)}Z`;
}

/** Go's MicroTime JSON form: UTC with exactly six fractional digits. */
export function formatMicroTime(t: Timestamp): string | undefined {
  if (t.seconds === ZERO_TIME_SECONDS && t.nanos === 0) return undefined;
  return `${isoSeconds(t.seconds)}.${String(Math.floor(t.nanos / 1000)).padStart(6, '0')}Z`;
}

/** The forms resource.ParseQuantity accepts: a signed decimal number and a suffix. */
const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** True when `s` has the shape of a Kubernetes quantity ("100m", "1Gi", "1e3"). */
export function isQuantity(s: string): boolean {
  if (!QUANTITY.test(s)) return false;
  const digits = /^[+-]?([0-9]*)(?:\.([0-9]*))?/.exec(s);
  // At least one digit, at most one decimal point.
  return Boolean(digits && ((digits[1] ?? '') + (digits[2] ?? '')).length > 0) && (s.match(/\./g)?.length ?? 0) <= 1;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True for standard, padded base64 (what Go's encoding/json requires for []byte). */
export function isBase64(s: string): boolean {
  return BASE64.test(s);
}

const UNITS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION_PART = /(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/y;

/** Parses a Go duration ("1h2m3.5s", "-1.5ms", "0") into nanoseconds; undefined when malformed. */
export function parseDuration(s: string): number | undefined {
  let i = 0, sign = 1;
  if (s[0] === '-' || s[0] === '+') { sign = s[0] === '-' ? -1 : 1; i = 1; }
  if (s.slice(i) === '0') return 0;
  if (i === s.length) return undefined;
  let total = 0;
  while (i < s.length) {
    DURATION_PART.lastIndex = i;
    const m = DURATION_PART.exec(s);
    if (!m || m[1] === '' || m[1] === '.') return undefined;
    total += Number(m[1]) * (UNITS[m[2] ?? ''] ?? NaN);
    i = DURATION_PART.lastIndex;
  }
  return Number.isFinite(total) ? sign * Math.round(total) : undefined;
}

/** The digits of v / 10^prec after the point, trailing zeros dropped ('' when none). */
function fraction(v: number, prec: number): string {
  const digits = String(v % 10 ** prec).padStart(prec, '0').replace(/0+$/, '');
  return digits ? `.${digits}` : '';
}

/** Formats nanoseconds as Go's time.Duration.String() does: "1h0m0s", "1.5s", "500ms", "0s". */
export function formatDuration(ns: number): string {
  const neg = ns < 0;
  const u = Math.abs(Math.trunc(ns));
  let out: string;
  if (u === 0) return '0s';
  if (u < 1e3) out = `${u}ns`;
  else if (u < 1e6) out = `${Math.floor(u / 1e3)}${fraction(u, 3)}µs`;
  else if (u < 1e9) out = `${Math.floor(u / 1e6)}${fraction(u, 6)}ms`;
  else {
    const secs = Math.floor(u / 1e9), mins = Math.floor(secs / 60), hours = Math.floor(mins / 60);
    out = `${secs % 60}${fraction(u, 9)}s`;
    if (mins > 0) out = `${mins % 60}m${out}`;
    if (hours > 0) out = `${hours}h${out}`;
  }
  return neg ? `-${out}` : out;
}
