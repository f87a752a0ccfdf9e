/**
 * @module Name and label checks with Kubernetes's messages (apimachinery util/validation): DNS-1123
 * labels and subdomains, DNS-1035 labels, qualified names (label keys), label values, port names,
 * C identifiers, config map keys, URL path segments. Each returns the list of problems (empty = ok).
 */

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const CONFIGMAP_KEY_FMT = '[-._a-zA-Z0-9]+';

const dns1123Label = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const dns1123Subdomain = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const dns1035Label = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const qualifiedName = new RegExp(`^${QNAME_FMT}$`);
const labelValue = new RegExp(`^${LABEL_VALUE_FMT}$`);
const cIdentifier = new RegExp(`^${C_IDENTIFIER_FMT}$`);
const configMapKey = new RegExp(`^${CONFIGMAP_KEY_FMT}$`);

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const LABEL_VALUE_MAX = 63;

/** `must be no more than 63 characters`. */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** The regex explanation Kubernetes appends: `msg (e.g. 'a' or 'b', regex used for validation is '...')`. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  // Go's form, double space included: (e.g. 'my-name',  or '123-abc', regex used ...)
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!dns1123Label.test(value)) {
    if (dns1123Subdomain.test(value)) errs.push('must not contain dots');
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!dns1123Subdomain.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errs.push(maxLenError(DNS1123_LABEL_MAX));
  if (!dns1035Label.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** A qualified name (label and annotation keys, finalizers): `[prefix/]name`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [`a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedName.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_VALUE_MAX) errs.push(maxLenError(LABEL_VALUE_MAX));
  if (!labelValue.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

export function isCIdentifier(value: string): string[] {
  return cIdentifier.test(value) ? [] : [regexError("a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'", C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

const portNameChars = /^[-a-z0-9]+$/;
const portNameLetter = /[a-z]/;

export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!portNameChars.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!portNameLetter.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!configMapKey.test(value)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIGMAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Names used as URL path segments (every resource name): not `.`/`..`, no `/` or `%`. */
export function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const c of ['/', '%']) if (name.includes(c)) errs.push(`may not contain '${c}'`);
  return errs;
}

/** How a resource's names are checked; `prefix` is true for generateName. */
export type NameValidator = (name: string, prefix: boolean) => string[];

// A generateName prefix may end in '-': mask it so the prefix is judged as a full name would be.
const maskTrailingDash = (name: string) => (name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name);

export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
/** For resources whose names only have to be URL-safe (RBAC roles, ...). */
export const nameIsPathSegment: NameValidator = (name, prefix) => (prefix ? [] : isValidPathSegmentName(name));

/** `must be between lo and hi, inclusive` (InclusiveRangeError). */
export const inclusiveRange = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

const RELAXED_ENV_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** Environment variable names as 1.33 checks them (RelaxedEnvironmentVariableValidation on). */
export function isRelaxedEnvVarName(value: string): string[] {
  if (value.length === 0) return ['environment variable name must be non-empty'];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x3d) return [RELAXED_ENV_MSG];
  }
  return [];
}

const HTTP_HEADER_FMT = '[-A-Za-z0-9]+';
const httpHeader = new RegExp(`^${HTTP_HEADER_FMT}$`);
export function isHTTPHeaderName(value: string): string[] {
  return httpHeader.test(value) ? [] : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_FMT, 'X-Header-Name')];
}

const PERCENT_FMT = '[0-9]+%';
const percent = new RegExp(`^${PERCENT_FMT}$`);
export function isValidPercent(value: string): string[] {
  return percent.test(value) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const wildcard = new RegExp(`^${WILDCARD_FMT}$`);
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX));
  if (!wildcard.test(value)) {
    errs.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", WILDCARD_FMT, '*.example.com'));
  }
  return errs;
}

/** Unix user and group ids: 0 through 2^31-1. */
export function isValidUserOrGroupId(id: unknown): string[] {
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id <= 2147483647 ? [] : [inclusiveRange(0, 2147483647)];
}

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses an IP as Go's net.ParseIP (sloppy: leading zeros accepted): 4 or 6, or 0 when invalid. */
export function ipFamily(value: string): 0 | 4 | 6 {
  const m = ipv4.exec(value);
  if (m) return m.slice(1).every((p) => Number(p) <= 255) ? 4 : 0;
  if (!value.includes(':') || value.includes('%')) return 0;
  const tail = value.lastIndexOf(':');
  let v6 = value;
  let extra = 0;
  // An embedded IPv4 tail counts for two groups.
  if (value.slice(tail + 1).includes('.')) {
    if (ipFamily(value.slice(tail + 1)) !== 4) return 0;
    v6 = value.slice(0, tail + 1) + '0';
    extra = 1;
  }
  const halves = v6.split('::');
  if (halves.length > 2) return 0;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const parts = halves.flatMap(groups);
  if (!parts.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return 0;
  const n = parts.length + extra;
  if (halves.length === 2 ? n > 7 : n !== 8) return 0;
  return 6;
}

export const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
export const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export function isValidIP(value: string): string[] {
  return ipFamily(value) ? [] : [IP_MSG];
}

export function isValidCIDR(value: string): string[] {
  const slash = value.indexOf('/');
  if (slash < 0) return [CIDR_MSG];
  const fam = ipFamily(value.slice(0, slash));
  const bits = value.slice(slash + 1);
  if (!fam || !/^\d{1,3}$/.test(bits) || Number(bits) > (fam === 4 ? 32 : 128)) return [CIDR_MSG];
  return [];
}

const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPath = new RegExp(`^${HTTP_PATH_FMT}$`);

/** `example.com/path` names (IngressClass controllers, Job managedBy); the messages are per part. */
export function isDomainPrefixedPath(value: string): Array<{ value: string; msg: string }> | 'required' {
  if (!value) return 'required';
  const at = value.indexOf('/');
  if (at <= 0 || at === value.length - 1) return [{ value, msg: 'must be a domain-prefixed path (such as "acme.io/foo")' }];
  const host = value.slice(0, at);
  const out = isDNS1123Subdomain(host).map((msg) => ({ value: host, msg }));
  const path = value.slice(at + 1);
  if (!httpPath.test(path)) out.push({ value: path, msg: regexError('Invalid path', HTTP_PATH_FMT) });
  return out;
}
