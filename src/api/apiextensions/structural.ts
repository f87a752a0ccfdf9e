/**
 * @module Structural schema checks of a CRD version's openAPIV3Schema, with the messages
 * kube-apiserver gives when it refuses a CRD (`...properties[spec].type: Required value: must not
 * be empty for specified object fields`): types everywhere they are needed, no properties next to
 * additionalProperties, metadata limited to name and generateName, consistent list and map types,
 * embedded resources and int-or-string used correctly, well-formed validation rules.
 */
import { fieldErrors as fe, type FieldError } from '../validation/field-errors.js';
import { child, keyed } from './path-text.js';
import type { JSONSchemaProps } from './json-schema.js';

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const SCALARS = new Set(['boolean', 'integer', 'number', 'string']);
const REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];

type Where = 'root' | 'property' | 'items' | 'additional';

/** Every structural problem of `schema`, at `path` (e.g. `spec.versions[0].schema.openAPIV3Schema`). */
export function structuralErrors(schema: JSONSchemaProps, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (schema.nullable) errs.push(fe.forbidden(child(path, 'nullable'), 'nullable cannot be true at the root'));
  node(schema, path, 'root', errs);
  const meta = schema.properties?.['metadata'];
  if (meta) {
    const extra = Object.keys(meta).filter((k) => !['type', 'properties', 'description'].includes(k));
    const props = Object.keys(meta.properties ?? {}).filter((k) => k !== 'name' && k !== 'generateName');
    if (extra.length || props.length) errs.push(fe.forbidden(keyed(child(path, 'properties'), 'metadata'), 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
  }
  return errs;
}

function node(s: JSONSchemaProps, path: string, where: Where, errs: FieldError[]): void {
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'];
  if (s.type === undefined && !intOrString && !(preserve === true && where !== 'root')) {
    const detail = where === 'root' ? 'must not be empty at the root'
      : where === 'items' ? 'must not be empty for specified array items' : 'must not be empty for specified object fields';
    errs.push(fe.required(child(path, 'type'), detail));
  } else if (s.type !== undefined && !TYPES.includes(s.type)) {
    errs.push(fe.notSupported(child(path, 'type'), s.type, TYPES));
  }
  if (where === 'root' && s.type !== undefined && s.type !== 'object') errs.push(fe.invalid(child(path, 'type'), s.type, 'must be object at the root'));
  if (preserve === false) errs.push(fe.invalid(child(path, 'x-kubernetes-preserve-unknown-fields'), false, 'must be true or undefined'));
  if (intOrString && preserve) errs.push(fe.invalid(child(path, 'x-kubernetes-preserve-unknown-fields'), true, 'must be false if x-kubernetes-int-or-string is true'));
  if (s.properties && s.additionalProperties !== undefined && s.additionalProperties !== false) {
    errs.push(fe.forbidden(child(path, 'additionalProperties'), 'additionalProperties and properties are mutual exclusive'));
  }
  if (Array.isArray(s.items)) errs.push(fe.forbidden(child(path, 'items'), 'items must be a schema object and not an array'));
  if (s.uniqueItems) errs.push(fe.forbidden(child(path, 'uniqueItems'), 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  if (s.type === 'array' && !s.items) errs.push(fe.required(child(path, 'items'), 'must be specified'));
  if (s['x-kubernetes-embedded-resource']) {
    if (s.type !== 'object') errs.push(s.type === undefined ? fe.required(child(path, 'type'), 'must be object if x-kubernetes-embedded-resource is true') : fe.invalid(child(path, 'type'), s.type, 'must be object if x-kubernetes-embedded-resource is true'));
    if (!s.properties && !preserve) errs.push(fe.required(child(path, 'properties'), 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields'));
  }
  for (const ref of ['$ref', 'definitions', 'dependencies', 'patternProperties', 'additionalItems', 'id'] as const) {
    if (ref in s) errs.push(fe.forbidden(child(path, ref), `${ref} is not supported`));
  }
  listAndMapTypes(s, path, errs);
  rules(s, path, errs);
  for (const [k, p] of Object.entries(s.properties ?? {})) node(p, keyed(child(path, 'properties'), k), 'property', errs);
  if (s.items && !Array.isArray(s.items)) node(s.items as JSONSchemaProps, child(path, 'items'), 'items', errs);
  if (typeof s.additionalProperties === 'object') node(s.additionalProperties, child(path, 'additionalProperties'), 'additional', errs);
}

function listAndMapTypes(s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  const mt = s['x-kubernetes-map-type'];
  if (mt !== undefined) {
    if (mt !== 'atomic' && mt !== 'granular') errs.push(fe.notSupported(child(path, 'x-kubernetes-map-type'), mt, ['atomic', 'granular']));
    if (s.type !== 'object') errs.push(fe.invalid(child(path, 'type'), s.type ?? '', 'must be object if x-kubernetes-map-type is specified'));
  }
  const lt = s['x-kubernetes-list-type'];
  const keys = s['x-kubernetes-list-map-keys'] ?? [];
  if (lt === undefined) {
    if (keys.length) errs.push(fe.required(child(path, 'x-kubernetes-list-type'), 'must be map if x-kubernetes-list-map-keys is non-empty'));
    return;
  }
  if (!['atomic', 'set', 'map'].includes(lt)) {
    errs.push(fe.notSupported(child(path, 'x-kubernetes-list-type'), lt, ['atomic', 'set', 'map']));
    return;
  }
  if (s.type !== 'array') errs.push(fe.invalid(child(path, 'type'), s.type ?? '', 'must be array if x-kubernetes-list-type is specified'));
  if (keys.length && lt !== 'map') errs.push(fe.invalid(child(path, 'x-kubernetes-list-type'), lt, 'must be map if x-kubernetes-list-map-keys is non-empty'));
  const items = s.items && !Array.isArray(s.items) ? s.items as JSONSchemaProps : undefined;
  if (lt === 'map') {
    if (!keys.length) errs.push(fe.required(child(path, 'x-kubernetes-list-map-keys'), 'must not be empty if x-kubernetes-list-type is map'));
    if (!items) return;
    if (items.type !== 'object') errs.push(fe.invalid(child(path, 'items.type'), items.type ?? '', "must be object if parent array's x-kubernetes-list-type is map"));
    if (new Set(keys).size !== keys.length) errs.push(fe.invalid(child(path, 'x-kubernetes-list-map-keys'), keys, 'must not contain duplicate entries'));
    for (const k of keys) {
      const p = items.properties?.[k];
      if (!p) errs.push(fe.invalid(child(path, 'x-kubernetes-list-map-keys'), keys, 'entries must all be names of item properties'));
      else if (p.type && !SCALARS.has(p.type)) errs.push(fe.invalid(child(keyed(child(path, 'items.properties'), k), 'type'), p.type, "must be a scalar type if parent array's x-kubernetes-list-type is map"));
      else if (p.default === undefined && !(items.required ?? []).includes(k)) {
        errs.push(fe.required(child(keyed(child(path, 'items.properties'), k), 'default'), 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property'));
      }
    }
  }
  if (lt === 'set' && items && (items.type === 'object' || items.type === 'array') && items['x-kubernetes-map-type'] !== 'atomic' && items['x-kubernetes-list-type'] !== 'atomic') {
    errs.push(fe.invalid(child(path, 'items.x-kubernetes-map-type'), items['x-kubernetes-map-type'] ?? '', 'must be atomic as item of a list with x-kubernetes-list-type=set'));
  }
}

function rules(s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  (s['x-kubernetes-validations'] ?? []).forEach((r, i) => {
    const p = `${child(path, 'x-kubernetes-validations')}[${i}]`;
    if (!r.rule || !r.rule.trim()) errs.push(fe.required(child(p, 'rule'), 'rule is not specified'));
    if (r.message !== undefined && !r.message.trim()) errs.push(fe.invalid(child(p, 'message'), r.message, 'must be non-empty if specified'));
    if (r.message?.includes('\n')) errs.push(fe.invalid(child(p, 'message'), r.message, 'must not contain line breaks'));
    if (!r.message && r.rule?.includes('\n')) errs.push(fe.required(child(p, 'message'), 'message must be specified if rule contains line breaks'));
    if (r.reason !== undefined && !REASONS.includes(r.reason)) errs.push(fe.notSupported(child(p, 'reason'), r.reason, REASONS));
  });
}
