/**
 * @module resource.Quantity: parsing ("100m", "1.5Gi", "2e3"), exact arithmetic on a bigint
 * mantissa with a decimal exponent, comparison, and the canonical string Kubernetes prints
 * (binary suffixes stay binary when exact and ≥ 1024, decimal values use the largest SI
 * suffix that keeps an integer mantissa, sub-nano precision rounds away from zero).
 */
import { K3tsError } from '../base/errors.js';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export class QuantityParseError extends K3tsError {
  constructor(message: string) {
    super('ERR_QUANTITY', message);
  }
}

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const DEC_SUFFIX: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIX).map(([s, e]) => [e, s]));
const BIN_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const MAX_INT64 = (1n << 63n) - 1n;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** value = mantissa × 10^exp; immutable. */
export class Quantity {
  constructor(readonly mantissa: bigint, readonly exp: number, readonly format: QuantityFormat) {}

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format);
  }

  /** Parses the JSON form: a string, or a number (accepted on input, as Kubernetes does). */
  static from(v: unknown): Quantity {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
      return parseQuantity(String(v).includes('e') ? v.toFixed(9) : String(v));
    }
    if (typeof v !== 'string') throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
    return parseQuantity(v);
  }

  sign(): number {
    return this.mantissa === 0n ? 0 : this.mantissa < 0n ? -1 : 1;
  }

  /** -1, 0 or 1. */
  cmp(o: Quantity): number {
    const e = Math.min(this.exp, o.exp);
    const a = this.mantissa * pow10(this.exp - e);
    const b = o.mantissa * pow10(o.exp - e);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  add(o: Quantity): Quantity {
    const e = Math.min(this.exp, o.exp);
    return new Quantity(this.mantissa * pow10(this.exp - e) + o.mantissa * pow10(o.exp - e), e, this.mantissa === 0n ? o.format : this.format);
  }

  sub(o: Quantity): Quantity {
    return this.add(new Quantity(-o.mantissa, o.exp, o.format));
  }

  /** The value scaled by 10^-scale, rounded up (away from zero): value(0) = Value(), value(-3) = MilliValue(). */
  scaled(scale: number): bigint {
    const shift = this.exp - scale;
    if (shift >= 0) return this.mantissa * pow10(shift);
    const d = pow10(-shift);
    const q = this.mantissa / d;
    return this.mantissa % d === 0n ? q : this.mantissa > 0n ? q + 1n : q - 1n;
  }

  /** Value() as a JS number (rounded up to an integer). */
  value(): number {
    return Number(this.scaled(0));
  }

  milliValue(): number {
    return Number(this.scaled(-3));
  }

  toString(): string {
    return formatQuantity(this);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Strips factors of `base` from `n`; returns the rest and how many were removed. */
function removeFactors(n: bigint, base: bigint): [bigint, number] {
  if (n === 0n) return [0n, 0];
  let times = 0;
  while (n % base === 0n) {
    n /= base;
    times++;
  }
  return [n, times];
}

/** The canonical string (Quantity.String() in Go). */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
    const integral = q.exp >= 0 || abs % pow10(-q.exp) === 0n;
    // Below 1024, or fractional: printed in decimal so no precision is lost or rounded.
    if (!integral || q.cmp(new Quantity(1024n, 0, 'DecimalSI')) < 0 && q.cmp(new Quantity(-1024n, 0, 'DecimalSI')) > 0) format = 'DecimalSI';
    else {
      const whole = q.scaled(0);
      let [rest, times] = removeFactors(whole, 1024n);
      if (times > 6) {
        rest *= 1024n ** BigInt(times - 6);
        times = 6;
      }
      return `${rest}${BIN_BY_EXP[times]}`;
    }
  }
  let [m, t] = removeFactors(q.mantissa, 10n);
  let e = q.exp + t;
  const mod = ((e % 3) + 3) % 3;
  if (mod) {
    m *= pow10(mod);
    e -= mod;
  }
  if (format === 'DecimalExponent') return e === 0 ? `${m}` : `${m}e${e}`;
  if (e > 18) {
    m *= pow10(e - 18);
    e = 18;
  }
  return `${m}${DEC_BY_EXP.get(e) ?? ''}`;
}

const NUMBER_RE = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

/** Parses a quantity string; throws QuantityParseError with Kubernetes's messages. */
export function parseQuantity(s: string): Quantity {
  if (s.length === 0) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  const m = NUMBER_RE.exec(s);
  if (!m) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  const [, sign = '', intPart = '', fracPart = '', suffix = ''] = m;
  if (intPart === '' && fracPart === '') throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  if (!/^[eEinumkKMGTP]*[-+]?\d*$/.test(suffix)) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  let mantissa = BigInt(`${intPart || '0'}${fracPart}`);
  let exp = -fracPart.length;
  let format: QuantityFormat;
  if (suffix in DEC_SUFFIX) {
    format = 'DecimalSI';
    exp += DEC_SUFFIX[suffix] ?? 0;
  } else if (suffix in BIN_SUFFIX) {
    format = 'BinarySI';
    mantissa *= 1n << BigInt(BIN_SUFFIX[suffix] ?? 0);
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    exp += Number(suffix.slice(1));
  } else {
    throw new QuantityParseError("unable to parse quantity's suffix");
  }
  // Anything finer than 1n rounds up to 1n: asking for some resource yields some.
  if (exp < -9 && mantissa !== 0n) {
    const d = pow10(-9 - exp);
    mantissa = mantissa % d === 0n ? mantissa / d : mantissa / d + 1n;
    exp = -9;
  }
  if (format === 'BinarySI') {
    const q = new Quantity(mantissa, exp, format);
    if (q.cmp(new Quantity(MAX_INT64, 0, format)) > 0) {
      mantissa = MAX_INT64;
      exp = 0;
    }
    if (mantissa !== 0n && q.cmp(new Quantity(1n, 0, format)) < 0) format = 'DecimalSI';
  }
  return new Quantity(sign === '-' ? -mantissa : mantissa, exp, format);
}

/** True when `s` is a valid quantity string. */
export function isQuantity(s: unknown): boolean {
  try {
    Quantity.from(s);
    return true;
  } catch {
    return false;
  }
}
