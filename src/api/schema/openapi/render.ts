/**
 * @module What the v2 and v3 renderings of paths share: parameters, answer media types and
 * schemas, the x-kubernetes-* extensions of operations, and the assembly of the `paths` object.
 */
import { PARAMS, type Operation, type ParamName, type PathItem } from './paths.js';
import { ref, type Dialect, type Json } from './schemas.js';

export const STATUS_TEXT: Readonly<Record<string, string>> = { '200': 'OK', '201': 'Created', '202': 'Accepted' };

/** The security scheme both documents declare: a bearer token in the Authorization header. */
export const SECURITY_SCHEME: Json = { type: 'apiKey', name: 'authorization', in: 'header', description: 'Bearer token in the Authorization header.' };

/** A parameter; v3 nests the type in `schema`. */
export function param(name: ParamName, d: Dialect): Json {
  const p = PARAMS[name];
  const type = { type: p.type, uniqueItems: true };
  const out: Json = d === 'v3' ? { name, in: p.in, description: p.description, schema: type } : { name, in: p.in, description: p.description, ...type };
  if (p.in === 'path') out['required'] = true;
  return out;
}

/** The media types an answer comes in. */
export function answerTypes(o: Operation): string[] {
  if (o.response === 'string') return ['*/*'];
  const types = ['application/json', ...(o.watch ? ['application/json;stream=watch'] : [])];
  if (o.protobuf) types.push('application/vnd.kubernetes.protobuf', ...(o.watch ? ['application/vnd.kubernetes.protobuf;stream=watch'] : []));
  return [...types, 'application/yaml'];
}

/** The schema of an operation's answer. */
export function answerSchema(o: Operation, d: Dialect): Json {
  return o.response === 'string' ? { type: 'string' } : ref(o.response, d);
}

/** Adds x-kubernetes-action and x-kubernetes-group-version-kind (kubectl finds PATCH operations by the GVK). */
export function withExtensions(out: Json, o: Operation): Json {
  if (o.action) out['x-kubernetes-action'] = o.action;
  if (o.gvk) out['x-kubernetes-group-version-kind'] = { group: o.gvk.group, kind: o.gvk.kind, version: o.gvk.version };
  return out;
}

/** The `paths` object: items sorted by path, operations by method, shared parameters last. */
export function renderPaths(items: readonly { readonly item: PathItem; readonly tag: string }[], d: Dialect, operation: (o: Operation, tag: string) => Json): Json {
  const paths: Json = {};
  for (const { item, tag } of [...items].sort((a, b) => (a.item.path < b.item.path ? -1 : 1))) {
    const out: Json = {};
    for (const o of item.operations) out[o.method] = operation(o, tag);
    out['parameters'] = item.params.map((p) => param(p, d));
    paths[item.path] = out;
  }
  return paths;
}
