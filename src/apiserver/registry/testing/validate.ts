/**
 * @module Test helpers for strategy validation: run a resource's real strategy (defaults,
 * prepareForCreate, validate; or the update path) on an object and return the field errors as
 * kubectl prints them (`path: Type: value: detail`).
 */
import type { KubeObject } from '../../../api/meta/object.js';
import { errorString } from '../../../api/validation/field-errors.js';
import { resourceDef } from '../../testing/fixtures.js';
import { strategyFor } from '../builtin.js';
import { systemContext } from '../rest/context.js';
import { StatusStrategy } from '../rest/strategy.js';

const NAMESPACED_DEFAULT = 'default';

/** A `user` context like a real request's (not the API server's own). */
const userContext = (namespace: string) => ({ ...systemContext(namespace), user: { name: 'admin', groups: ['system:masters'] } });

function prepare(plural: string, group: string, version: string, o: KubeObject) {
  const def = resourceDef(plural, group, version);
  const s = strategyFor(def);
  const obj = structuredClone(o);
  obj.apiVersion ??= group ? `${group}/${version}` : version;
  obj.kind ??= def.kind;
  obj.metadata.name ??= 'x';
  if (def.namespaced) obj.metadata.namespace ??= NAMESPACED_DEFAULT;
  obj.metadata.uid ??= '00000000-0000-0000-0000-000000000001';
  obj.metadata.creationTimestamp ??= '2025-01-01T00:00:00Z';
  return { s, obj, ctx: userContext(def.namespaced ? obj.metadata.namespace ?? '' : '') };
}

/** Create-time errors of `o` (defaulted first, as a request body is). */
export function createErrors(plural: string, o: KubeObject, group = '', version = 'v1'): string[] {
  const { s, obj, ctx } = prepare(plural, group, version, o);
  s.defaults(obj);
  s.prepareForCreate(obj, ctx);
  return s.validate(obj, ctx).map(errorString);
}

/** The defaulted object as it would be created (defaults and prepareForCreate). */
export function created(plural: string, o: KubeObject, group = '', version = 'v1'): KubeObject {
  const { s, obj, ctx } = prepare(plural, group, version, o);
  s.defaults(obj);
  s.prepareForCreate(obj, ctx);
  return obj;
}

/** Update errors of `change(prev)` against the created `prev` (with `prevStatus` as its status when given). */
export function updateErrors(plural: string, o: KubeObject, change: (o: KubeObject) => void, group = '', version = 'v1', prevStatus?: unknown): string[] {
  const prev = created(plural, o, group, version);
  prev.metadata.resourceVersion = '1';
  if (prevStatus !== undefined) prev['status'] = prevStatus;
  const { s, ctx } = prepare(plural, group, version, prev);
  const next = structuredClone(prev);
  change(next);
  s.defaults(next);
  s.prepareForUpdate(next, prev, ctx);
  return s.validateUpdate(next, prev, ctx).map(errorString);
}

/** /status update errors of `change(prev)` against the created `prev` (whose status `status` sets). */
export function statusErrors(plural: string, o: KubeObject, status: unknown, change: (o: KubeObject) => void, group = '', version = 'v1'): string[] {
  const prev = created(plural, o, group, version);
  prev.metadata.resourceVersion = '1';
  if (status !== undefined) prev['status'] = status;
  const { s, ctx } = prepare(plural, group, version, prev);
  const st = new StatusStrategy(s);
  const next = structuredClone(prev);
  change(next);
  st.prepareForUpdate(next, prev, ctx);
  return st.validateUpdate(next, prev, ctx).map(errorString);
}
