/**
 * @module Validation of CustomResourceDefinition objects (apiextensions.k8s.io/v1) with
 * kube-apiserver's messages: the name (plural.group), group, names, scope, versions (unique
 * names, exactly one storage version, a schema each), conversion, subresources, printer columns
 * and each version's structural schema. CEL rules are never a reason for refusal.
 */
import { isObject } from '../merge/json.js';
import { fieldErrors as fe, type FieldError } from '../validation/field-errors.js';
import { child } from './path-text.js';
import type { JSONSchemaProps } from './json-schema.js';
import { isDNS1035Label, isDNS1123Subdomain } from '../validation/names.js';
import { structuralErrors } from './structural.js';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isObject(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every problem of a CRD object; empty when it may be stored. */
export function validateCRD(crd: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj(obj(crd)['spec']);
  const names = obj(spec['names']);
  const group = str(spec['group']);
  const plural = str(names['plural']);
  const name = str(obj(obj(crd)['metadata'])['name']);
  const nameErrs = isDNS1123Subdomain(name);
  if (name !== `${plural}.${group}`) nameErrs.push('must be spec.names.plural+"."+spec.group');
  if (nameErrs.length) errs.push(fe.invalid('metadata.name', name, nameErrs.join(',')));
  if (!group) errs.push(fe.required('spec.group'));
  else {
    const g = isDNS1123Subdomain(group);
    if (g.length) errs.push(fe.invalid('spec.group', group, g.join(',')));
    else if (!group.includes('.')) errs.push(fe.invalid('spec.group', group, 'should be a domain with at least one dot'));
  }
  const scope = str(spec['scope']);
  if (!scope) errs.push(fe.required('spec.scope'));
  else if (scope !== 'Cluster' && scope !== 'Namespaced') errs.push(fe.notSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  errs.push(...validateNames(names, 'spec.names'));
  errs.push(...validateVersions(spec, 'spec'));
  errs.push(...validateConversion(obj(spec['conversion']), 'spec.conversion'));
  return errs;
}

function validateNames(names: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['plural', 'singular', 'kind', 'listKind']) if (!str(names[f])) errs.push(fe.required(child(path, f)));
  for (const f of ['plural', 'singular']) {
    const v = str(names[f]);
    const e = v ? isDNS1035Label(v) : [];
    if (e.length) errs.push(fe.invalid(child(path, f), v, e.join(',')));
  }
  for (const f of ['kind', 'listKind']) {
    const v = str(names[f]);
    const e = v ? isDNS1035Label(v.toLowerCase()) : [];
    if (e.length) errs.push(fe.invalid(child(path, f), v, `may have mixed case, but should otherwise match: ${e.join(',')}`));
  }
  if (str(names['kind']) && names['kind'] === names['listKind']) errs.push(fe.invalid(child(path, 'listKind'), names['listKind'], 'kind and listKind may not be the same'));
  for (const f of ['shortNames', 'categories']) {
    const list = Array.isArray(names[f]) ? names[f] as unknown[] : [];
    list.forEach((v, i) => {
      const e = isDNS1035Label(str(v));
      if (e.length) errs.push(fe.invalid(`${child(path, f)}[${i}]`, v, e.join(',')));
    });
  }
  return errs;
}

function validateVersions(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const versions = Array.isArray(spec['versions']) ? spec['versions'].map(obj) : [];
  const vpath = child(path, 'versions');
  if (!versions.length) return [fe.required(vpath, 'must have exactly one version marked as storage version')];
  const names = versions.map((v) => str(v['name']));
  if (new Set(names).size !== names.length) errs.push(fe.invalid(vpath, names, 'must contain unique version names'));
  if (versions.filter((v) => v['storage'] === true).length !== 1) errs.push(fe.invalid(vpath, names, 'must have exactly one version marked as storage version'));
  versions.forEach((v, i) => {
    const p = `${vpath}[${i}]`;
    const n = str(v['name']);
    const ne = n ? isDNS1035Label(n) : ['must not be empty'];
    if (ne.length) errs.push(fe.invalid(child(p, 'name'), n, ne.join(',')));
    const schema = obj(v['schema'])['openAPIV3Schema'];
    if (!isObject(schema)) errs.push(fe.required(child(p, 'schema.openAPIV3Schema')));
    else errs.push(...structuralErrors(schema as JSONSchemaProps, child(p, 'schema.openAPIV3Schema')));
    errs.push(...validateSubresources(obj(v['subresources']), child(p, 'subresources')));
    const cols = Array.isArray(v['additionalPrinterColumns']) ? v['additionalPrinterColumns'].map(obj) : [];
    cols.forEach((c, j) => errs.push(...validateColumn(c, `${child(p, 'additionalPrinterColumns')}[${j}]`)));
  });
  return errs;
}

function jsonPathErrors(path: string, v: string, under?: string): FieldError[] {
  if (!v) return [fe.invalid(path, v, 'must not be empty')];
  if (!v.startsWith('.')) return [fe.invalid(path, v, 'must be a simple json path starting with .')];
  if (under && !v.startsWith(`${under}.`)) return [fe.invalid(path, v, `should be a json path under ${under}`)];
  return [];
}

function validateSubresources(sub: Obj, path: string): FieldError[] {
  if (!isObject(sub['scale'])) return [];
  const scale = obj(sub['scale']);
  const errs: FieldError[] = [];
  if (!str(scale['specReplicasPath'])) errs.push(fe.required(child(path, 'scale.specReplicasPath')));
  else errs.push(...jsonPathErrors(child(path, 'scale.specReplicasPath'), str(scale['specReplicasPath']), '.spec'));
  if (!str(scale['statusReplicasPath'])) errs.push(fe.required(child(path, 'scale.statusReplicasPath')));
  else errs.push(...jsonPathErrors(child(path, 'scale.statusReplicasPath'), str(scale['statusReplicasPath']), '.status'));
  const sel = str(scale['labelSelectorPath']);
  if (sel && !sel.startsWith('.spec.') && !sel.startsWith('.status.')) errs.push(fe.invalid(child(path, 'scale.labelSelectorPath'), sel, 'should be a json path under either .spec or .status'));
  return errs;
}

function validateColumn(c: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!str(c['name'])) errs.push(fe.required(child(path, 'name')));
  const type = str(c['type']);
  if (!type) errs.push(fe.required(child(path, 'type'), `must be one of ${COLUMN_TYPES.join(',')}`));
  else if (!COLUMN_TYPES.includes(type)) errs.push(fe.invalid(child(path, 'type'), type, `must be one of ${COLUMN_TYPES.join(',')}`));
  const format = str(c['format']);
  if (format && !COLUMN_FORMATS.includes(format)) errs.push(fe.invalid(child(path, 'format'), format, `must be one of ${COLUMN_FORMATS.join(',')}`));
  if (!str(c['jsonPath'])) errs.push(fe.required(child(path, 'JSONPath')));
  return errs;
}

function validateConversion(conv: Obj, path: string): FieldError[] {
  const strategy = str(conv['strategy']);
  if (!strategy) return [];
  if (strategy !== 'None' && strategy !== 'Webhook') return [fe.notSupported(child(path, 'strategy'), strategy, ['None', 'Webhook'])];
  if (strategy === 'Webhook' && !isObject(obj(conv['webhook'])['clientConfig'])) return [fe.required(child(path, 'webhookClientConfig'), 'required when strategy is set to Webhook')];
  return [];
}
