/**
 * @module CEL optional values as far as @bufbuild/cel 0.6.1 allows: the functions
 * optional.of(), optional.none(), optional.ofNonZeroValue(), hasValue(), value(), orValue() and
 * or(). The optional is the opaque optional_type message (cel-opaque.ts); its payload is kept in
 * a WeakMap beside the message, and the message's text is a rendering of the payload so that
 * `==` between optionals compares payloads. Not possible with this parser: the `.?field`,
 * `[?key]` and `{?key: v}` syntax (rules using it fail to parse and are reported as not
 * enforced), and the optMap/optFlatMap macros (listed as unsupported). orValue() and or()
 * evaluate their argument eagerly, where cel-go skips it when the optional has a value.
 */
import { celFunc, celMethod, CelScalar, isCelList, isCelMap, isCelUint, type CelFunc, type CelValue } from '@bufbuild/cel';
import { OPTIONAL_TYPE, textOf } from './cel-opaque.js';

const { BOOL, DYN } = CelScalar;

const payloads = new WeakMap<object, CelValue>();

/** A stable text of a CEL value, for optional equality. */
function render(v: CelValue): string {
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'number') return `${v}d`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean' || v === null) return String(v);
  if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('hex')}`;
  if (isCelUint(v)) return `${v.value}u`;
  if (isCelList(v)) return `[${[...v].map(render).join(',')}]`;
  if (isCelMap(v)) return `{${[...v.entries()].map(([k, x]) => `${render(k as CelValue)}:${render(x)}`).sort().join(',')}}`;
  if ('desc' in v && 'message' in v) return `${v.desc.typeName}(${JSON.stringify(v.message)})`;
  return String(v);
}

/** An optional holding `v`, or optional.none() when `v` is undefined. */
export function optionalOf(v: CelValue | undefined) {
  if (v === undefined) return OPTIONAL_TYPE.of('');
  const o = OPTIONAL_TYPE.of(`some:${render(v)}`);
  payloads.set(o.message, v);
  return o;
}

/** The payload of optional `o`, or undefined for optional.none(). */
export function payloadOf(o: CelValue): CelValue | undefined {
  textOf(OPTIONAL_TYPE, o);
  return payloads.get((o as { message: object }).message);
}

/** Whether `v` is its type's zero value (cel-go's optional.ofNonZeroValue test). */
function isZero(v: CelValue): boolean {
  if (v === null || v === false || v === '' || v === 0 || v === 0n) return true;
  if (v instanceof Uint8Array) return v.length === 0;
  if (isCelUint(v)) return v.value === 0n;
  if (isCelList(v)) return v.size === 0;
  if (isCelMap(v)) return v.size === 0;
  return false;
}

const OPT = OPTIONAL_TYPE.type;

/** The optional functions. */
export const optionalFuncs: CelFunc[] = [
  celFunc('optional.of', [DYN], OPT, (v) => optionalOf(v)),
  celFunc('optional.none', [], OPT, () => optionalOf(undefined)),
  celFunc('optional.ofNonZeroValue', [DYN], OPT, (v) => optionalOf(isZero(v) ? undefined : v)),
  celMethod('hasValue', OPT, [], BOOL, function () { return payloadOf(this) !== undefined; }),
  celMethod('value', OPT, [], DYN, function () {
    const v = payloadOf(this);
    if (v === undefined) throw new Error('optional.none() dereference');
    return v;
  }),
  celMethod('orValue', OPT, [DYN], DYN, function (d) { return payloadOf(this) ?? d; }),
  celMethod('or', OPT, [OPT], OPT, function (o) { return payloadOf(this) === undefined ? o : this; }),
];
