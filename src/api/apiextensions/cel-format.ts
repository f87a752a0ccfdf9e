/**
 * @module The Kubernetes format CEL library (apiserver library/format.go): format.named(name)
 * returning an optional format, format.<name>() for each named format, and
 * <format>.validate(string) returning optional.none() when the string is valid, else an optional
 * list of the error strings. The name checks reuse k3ts's validators (validation/names.ts), the
 * CRD string formats reuse formats.ts, and uri follows Go's url.ParseRequestURI.
 */
import { celFunc, celList, celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';
import { FORMAT_TYPE, OPTIONAL_TYPE, textOf } from './cel-opaque.js';
import { optionalOf } from './cel-optional.js';
import { matchesFormat } from './formats.js';
import {
  isQualifiedName, isValidLabelValue, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator,
} from '../validation/names.js';

const { STRING } = CelScalar;

/** Go's url.ParseRequestURI errors, for the uri format (an absolute URI or an absolute path). */
function requestURIErrors(s: string): string[] {
  const fail = (why: string) => [`parse ${JSON.stringify(s)}: ${why}`];
  if (s === '') return fail('empty url');
  if (/[\x00-\x1f\x7f]/.test(s)) return fail('net/url: invalid control character in URL');
  if (s === '*' || s.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s)) return [];
  return fail('invalid URI for request');
}

const byFormat = (format: string, message: string) => (s: string): string[] => (matchesFormat(format, s) ? [] : [message]);
const named = (v: NameValidator, prefix: boolean) => (s: string): string[] => v(s, prefix);

/** The named formats, by the name format.named() accepts. */
export const FORMATS: Readonly<Record<string, (s: string) => string[]>> = {
  dns1123Label: named(nameIsDNSLabel, false),
  dns1123Subdomain: named(nameIsDNSSubdomain, false),
  dns1035Label: named(nameIsDNS1035Label, false),
  qualifiedName: isQualifiedName,
  dns1123LabelPrefix: named(nameIsDNSLabel, true),
  dns1123SubdomainPrefix: named(nameIsDNSSubdomain, true),
  dns1035LabelPrefix: named(nameIsDNS1035Label, true),
  labelValue: isValidLabelValue,
  uri: requestURIErrors,
  uuid: byFormat('uuid', 'does not match the UUID format'),
  byte: byFormat('byte', 'invalid base64'),
  date: byFormat('date', 'invalid date'),
  datetime: byFormat('datetime', 'invalid datetime'),
};

/** The format functions. */
export const formatFuncs: CelFunc[] = [
  ...Object.keys(FORMATS).map((name) => celFunc(`format.${name}`, [], FORMAT_TYPE.type, () => FORMAT_TYPE.of(name))),
  celFunc('format.named', [STRING], OPTIONAL_TYPE.type, (name) => optionalOf(Object.hasOwn(FORMATS, name) ? FORMAT_TYPE.of(name) : undefined)),
  celMethod('validate', FORMAT_TYPE.type, [STRING], OPTIONAL_TYPE.type, function (s) {
    const name = textOf(FORMAT_TYPE, this);
    const check = Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
    if (!check) throw new Error('no such overload: validate');
    const errs = check(s);
    return optionalOf(errs.length ? celList(errs) : undefined);
  }),
];
