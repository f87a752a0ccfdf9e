/**
 * @module Kubernetes's format CEL library: `format.dns1123Label()` and its siblings, and
 * `format.named(name)`, each with `.validate(string)` listing what is wrong with a value.
 * Kubernetes returns optionals (`optional<Format>`, `optional<list<string>>`); @bufbuild/cel
 * has no optional type, so a format is a tagged string and `validate` returns the list of
 * errors, with `hasValue()`, `value()` and `orValue()` defined on both so that the usual rules
 * (`!format.dns1123Label().validate(self).hasValue()`, `format.named(n).value().validate(x)`)
 * evaluate as in Kubernetes. The name checks are k3ts's own validators.
 */
import { celFunc, celList, celMethod, CelScalar, listType, type CelFunc, type CelValue } from '@bufbuild/cel';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../validation/names.js';
import { matchesFormat } from './formats.js';

const { STRING, BOOL, DYN } = CelScalar;
const LIST = listType(DYN);

/** Marks a string as a format (it starts with a control character, so user data never is one). */
const FORMAT_TAG = '\u0001format:';

/** A generateName prefix may end in '-': check it as if the dash were a letter (upstream's maskTrailingDash). */
const prefixed = (check: (s: string) => string[]) => (s: string): string[] => check(s.length > 1 && s.endsWith('-') ? `${s.slice(0, -1)}a` : s);
const asFormat = (name: string, what: string) => (s: string): string[] => (matchesFormat(name, s) ? [] : [`does not match the ${what} format`]);

const FORMATS: Readonly<Record<string, (s: string) => string[]>> = {
  dns1123Label: isDNS1123Label,
  dns1123Subdomain: isDNS1123Subdomain,
  dns1035Label: isDNS1035Label,
  qualifiedName: isQualifiedName,
  dns1123LabelPrefix: prefixed(isDNS1123Label),
  dns1123SubdomainPrefix: prefixed(isDNS1123Subdomain),
  dns1035LabelPrefix: prefixed(isDNS1035Label),
  labelValue: isValidLabelValue,
  uri: asFormat('uri', 'URI'),
  uuid: asFormat('uuid', 'UUID'),
  byte: asFormat('byte', 'base64'),
  date: asFormat('date', 'date (RFC 3339 full-date)'),
  datetime: asFormat('datetime', 'date-time (RFC 3339)'),
};

function formatOf(tagged: string): (s: string) => string[] {
  const check = tagged.startsWith(FORMAT_TAG) ? FORMATS[tagged.slice(FORMAT_TAG.length)] : undefined;
  if (!check) throw new Error('optional.none() dereference');
  return check;
}

const isFormat = (s: string): boolean => s.startsWith(FORMAT_TAG) && FORMATS[s.slice(FORMAT_TAG.length)] !== undefined;

/** Every format function and the optional-like accessors. */
export const formatFuncs: CelFunc[] = [
  ...Object.keys(FORMATS).map((name) => celFunc(`format.${name}`, [], STRING, () => FORMAT_TAG + name)),
  celFunc('format.named', [STRING], STRING, (name) => FORMAT_TAG + name),
  celMethod('validate', STRING, [STRING], LIST, function (value) { return celList(formatOf(this)(value)); }),
  celMethod('hasValue', STRING, [], BOOL, function () { return isFormat(this); }),
  celMethod('value', STRING, [], STRING, function () { formatOf(this); return this; }),
  celMethod('hasValue', LIST, [], BOOL, function () { return this.size > 0; }),
  celMethod('value', LIST, [], LIST, function () {
    if (this.size === 0) throw new Error('optional.none() dereference');
    return this;
  }),
  celMethod('orValue', LIST, [DYN], DYN, function (other: CelValue) { return this.size > 0 ? this : other; }),
];
