/**
 * @module The two name checks CRD validation needs (DNS-1035 labels, DNS-1123 subdomains), with
 * apimachinery's messages. Temporary: the API server's src/api/validation/names.ts replaces this
 * module once it is on main.
 */
const LABEL_1035 = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_1123 = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL_1123}(\\.${LABEL_1123})*`;

export function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (!new RegExp(`^${LABEL_1035}$`).test(v)) {
    errs.push(`a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${LABEL_1035}')`);
  }
  return errs;
}

export function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push('must be no more than 253 characters');
  if (!new RegExp(`^${SUBDOMAIN}$`).test(v)) {
    errs.push(`a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${SUBDOMAIN}')`);
  }
  return errs;
}
