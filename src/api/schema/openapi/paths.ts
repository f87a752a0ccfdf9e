/**
 * @module The REST paths of served resources as OpenAPI operations, in a dialect-neutral form
 * that v2.ts and v3.ts render. Each operation carries x-kubernetes-action and
 * x-kubernetes-group-version-kind: kubectl finds a kind's PATCH operation by that GVK and reads the
 * patch content types it accepts (strategic merge patch only for built-in kinds).
 */
import type { GroupVersionKind, ResourceDef, Verb } from '../types.js';

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete' | 'head' | 'options';

/** Query and path parameters, by name. */
export type ParamName =
  | 'name' | 'namespace' | 'path' | 'pretty' | 'dryRun' | 'fieldManager' | 'fieldValidation' | 'force'
  | 'allowWatchBookmarks' | 'continue' | 'fieldSelector' | 'labelSelector' | 'limit' | 'resourceVersion'
  | 'resourceVersionMatch' | 'sendInitialEvents' | 'timeoutSeconds' | 'watch' | 'gracePeriodSeconds'
  | 'ignoreStoreReadErrorWithClusterBreakingPotential' | 'orphanDependents' | 'propagationPolicy';

export interface ParamSpec {
  readonly in: 'path' | 'query';
  readonly type: 'string' | 'boolean' | 'integer';
  readonly description: string;
}

export const PARAMS: Readonly<Record<ParamName, ParamSpec>> = {
  name: { in: 'path', type: 'string', description: 'Name of the object.' },
  namespace: { in: 'path', type: 'string', description: 'Namespace of the objects.' },
  path: { in: 'path', type: 'string', description: 'Path to forward to the target.' },
  pretty: { in: 'query', type: 'string', description: 'If true, indent the output.' },
  dryRun: { in: 'query', type: 'string', description: 'All: run every stage of the request but persist nothing.' },
  fieldManager: { in: 'query', type: 'string', description: 'Name of the actor making the change, recorded in managedFields.' },
  fieldValidation: { in: 'query', type: 'string', description: 'Ignore, Warn or Strict: what to do with unknown or duplicate fields in the body.' },
  force: { in: 'query', type: 'boolean', description: 'Apply requests only: take ownership of fields other managers own.' },
  allowWatchBookmarks: { in: 'query', type: 'boolean', description: 'Ask for BOOKMARK events on a watch.' },
  continue: { in: 'query', type: 'string', description: 'Token from a previous page of a chunked list.' },
  fieldSelector: { in: 'query', type: 'string', description: 'Select objects by field values (metadata.name=x).' },
  labelSelector: { in: 'query', type: 'string', description: 'Select objects by labels.' },
  limit: { in: 'query', type: 'integer', description: 'Largest number of items to return in one page.' },
  resourceVersion: { in: 'query', type: 'string', description: 'Which version of the data the read may be served from.' },
  resourceVersionMatch: { in: 'query', type: 'string', description: 'How resourceVersion applies to a list: NotOlderThan or Exact.' },
  sendInitialEvents: { in: 'query', type: 'boolean', description: 'Start a watch with synthetic ADDED events for the current state.' },
  timeoutSeconds: { in: 'query', type: 'integer', description: 'Close the list or watch after this many seconds.' },
  watch: { in: 'query', type: 'boolean', description: 'Stream changes instead of returning a list.' },
  gracePeriodSeconds: { in: 'query', type: 'integer', description: 'Seconds to wait before the object is deleted.' },
  ignoreStoreReadErrorWithClusterBreakingPotential: { in: 'query', type: 'boolean', description: 'Delete even an object that cannot be read from storage.' },
  orphanDependents: { in: 'query', type: 'boolean', description: 'Deprecated: use propagationPolicy.' },
  propagationPolicy: { in: 'query', type: 'string', description: 'Orphan, Background or Foreground: what happens to dependents.' },
};

const LIST: readonly ParamName[] = ['allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch'];
const WRITE: readonly ParamName[] = ['dryRun', 'fieldManager', 'fieldValidation'];
const DELETE: readonly ParamName[] = ['dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy'];

export const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'] as const;

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

export interface Operation {
  readonly method: Method;
  readonly id: string;
  readonly description: string;
  /** x-kubernetes-action and x-kubernetes-group-version-kind; absent on discovery operations. */
  readonly action?: string;
  readonly gvk?: GroupVersionKind;
  readonly query: readonly ParamName[];
  /** Definition name of the body; patch bodies list the accepted patch types. */
  readonly body?: { readonly schema: string; readonly patchTypes?: readonly string[]; readonly required: boolean };
  /** Definition name of the answer, or 'string' (logs, connect). */
  readonly response: string;
  readonly codes: readonly string[];
  readonly watch?: boolean;
  /** The answer has a protobuf form (built-in kinds). */
  readonly protobuf: boolean;
}

export interface PathItem {
  readonly path: string;
  readonly params: readonly ParamName[];
  readonly operations: readonly Operation[];
}

/** `rbac.authorization.k8s.io` → `rbacAuthorization`; the core group is `core`. */
export function groupTag(group: string): string {
  if (!group) return 'core';
  return group.replace(/\.k8s\.io$/, '').split('.').map((p, i) => (i ? p.charAt(0).toUpperCase() + p.slice(1) : p)).join('');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `GET /api/v1/`, `GET /apis/<group>/<version>/`: the group-version's APIResourceList. */
export function discoveryPath(group: string, version: string): PathItem {
  const root = group ? `/apis/${group}/${version}/` : `/api/${version}/`;
  return {
    path: root, params: [],
    operations: [{ method: 'get', id: `get${cap(groupTag(group))}${cap(version)}APIResources`, description: 'List the resources this group-version serves.', query: [], response: `${META}APIResourceList`, codes: ['200'], protobuf: true }],
  };
}

/** What the path builder needs to know about the resource's definitions. */
export interface PathContext {
  /** Definition name of a kind, if it exists. */
  definitionOf(gvk: GroupVersionKind): string | undefined;
  /** True for built-in definitions (protobuf and strategic merge patch apply). */
  builtin(definition: string): boolean;
}

const CONNECT = /^(exec|attach|portforward|proxy)$/;

/** The path items of one resource (collection, item, subresources, deprecated watch paths). */
export function resourcePaths(r: ResourceDef, ctx: PathContext): PathItem[] {
  const root = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const gvk: GroupVersionKind = { group: r.group, version: r.version, kind: r.kind };
  const idPart = `${cap(groupTag(r.group))}${cap(r.version)}`;
  const scope = r.namespaced ? 'Namespaced' : '';
  const builtin = ctx.builtin(r.definition);
  const listDef = r.listKind ? ctx.definitionOf({ ...gvk, kind: r.listKind }) : undefined;
  const patchTypes = builtin ? PATCH_TYPES : PATCH_TYPES.filter((t) => !t.includes('strategic'));
  const has = (v: Verb) => r.verbs.includes(v);
  const base = r.namespaced ? `${root}/namespaces/{namespace}/${r.plural}` : `${root}/${r.plural}`;
  const scopeParams: ParamName[] = r.namespaced ? ['namespace', 'pretty'] : ['pretty'];
  const op = (o: Omit<Operation, 'gvk' | 'protobuf'> & { gvk?: GroupVersionKind }): Operation => ({ gvk, protobuf: builtin, ...o });
  const items: PathItem[] = [];

  const collection: Operation[] = [];
  if (has('list') && listDef) collection.push(op({ method: 'get', id: `list${idPart}${scope}${r.kind}`, description: `List ${r.kind} objects, or watch them for changes.`, action: 'list', query: LIST, response: listDef, codes: ['200'] }));
  if (has('create')) collection.push(op({ method: 'post', id: `create${idPart}${scope}${r.kind}`, description: `Create a ${r.kind}.`, action: 'post', query: WRITE, body: { schema: r.definition, required: true }, response: r.definition, codes: ['200', '201', '202'] }));
  if (has('deletecollection')) collection.push(op({ method: 'delete', id: `delete${idPart}Collection${scope}${r.kind}`, description: `Delete every ${r.kind} the selectors match.`, action: 'deletecollection', query: [...LIST.filter((p) => p !== 'watch' && p !== 'allowWatchBookmarks'), ...DELETE].sort(), body: { schema: `${META}DeleteOptions`, required: false }, response: `${META}Status`, codes: ['200'] }));
  if (collection.length) items.push({ path: base, params: scopeParams, operations: collection });

  const item: Operation[] = [];
  if (has('get')) item.push(op({ method: 'get', id: `read${idPart}${scope}${r.kind}`, description: `Read the named ${r.kind}.`, action: 'get', query: [], response: r.definition, codes: ['200'] }));
  if (has('update')) item.push(op({ method: 'put', id: `replace${idPart}${scope}${r.kind}`, description: `Replace the named ${r.kind}.`, action: 'put', query: WRITE, body: { schema: r.definition, required: true }, response: r.definition, codes: ['200', '201'] }));
  if (has('patch')) item.push(op({ method: 'patch', id: `patch${idPart}${scope}${r.kind}`, description: `Change part of the named ${r.kind}.`, action: 'patch', query: [...WRITE, 'force'], body: { schema: `${META}Patch`, patchTypes, required: true }, response: r.definition, codes: ['200', '201'] }));
  if (has('delete')) item.push(op({ method: 'delete', id: `delete${idPart}${scope}${r.kind}`, description: `Delete the named ${r.kind}.`, action: 'delete', query: DELETE, body: { schema: `${META}DeleteOptions`, required: false }, response: `${META}Status`, codes: ['200', '202'] }));
  if (item.length) items.push({ path: `${base}/{name}`, params: ['name', ...scopeParams], operations: item });

  if (r.namespaced && has('list') && listDef) {
    items.push({ path: `${root}/${r.plural}`, params: ['pretty'], operations: [op({ method: 'get', id: `list${idPart}${r.kind}ForAllNamespaces`, description: `List ${r.kind} objects of every namespace, or watch them.`, action: 'list', query: LIST, response: listDef, codes: ['200'] })] });
  }
  if (has('watch')) items.push(...watchPaths(r, root, idPart, scope, op));
  for (const sub of r.subresources ?? []) items.push(...subresourcePaths(r, sub, { base, idPart, scope, scopeParams, patchTypes, ctx, op }));
  return items;
}

type OpFn = (o: Omit<Operation, 'gvk' | 'protobuf'> & { gvk?: GroupVersionKind }) => Operation;

function watchPaths(r: ResourceDef, root: string, idPart: string, scope: string, op: OpFn): PathItem[] {
  const ns = r.namespaced ? '/namespaces/{namespace}' : '';
  const scopeParams: ParamName[] = r.namespaced ? ['namespace', 'pretty'] : ['pretty'];
  const watch = (id: string, description: string, action: string) =>
    op({ method: 'get', id, description, action, query: LIST, response: `${META}WatchEvent`, codes: ['200'], watch: true });
  const items: PathItem[] = [
    { path: `${root}/watch${ns}/${r.plural}`, params: scopeParams, operations: [watch(`watch${idPart}${scope}${r.kind}List`, `Deprecated: watch ${r.kind} objects; use the list path with watch=true.`, 'watchlist')] },
    { path: `${root}/watch${ns}/${r.plural}/{name}`, params: ['name', ...scopeParams], operations: [watch(`watch${idPart}${scope}${r.kind}`, `Deprecated: watch one ${r.kind}; use the list path with a fieldSelector on metadata.name.`, 'watch')] },
  ];
  if (r.namespaced) items.push({ path: `${root}/watch/${r.plural}`, params: ['pretty'], operations: [watch(`watch${idPart}${r.kind}ListForAllNamespaces`, `Deprecated: watch ${r.kind} objects of every namespace.`, 'watchlist')] });
  return items;
}

interface SubContext {
  readonly base: string;
  readonly idPart: string;
  readonly scope: string;
  readonly scopeParams: readonly ParamName[];
  readonly patchTypes: readonly string[];
  readonly ctx: PathContext;
  readonly op: OpFn;
}

function subresourcePaths(r: ResourceDef, sub: NonNullable<ResourceDef['subresources']>[number], c: SubContext): PathItem[] {
  const path = `${c.base}/{name}/${sub.name}`;
  const params: ParamName[] = ['name', ...c.scopeParams];
  const what = `${c.idPart}${c.scope}${r.kind}${cap(sub.name)}`;
  const def = c.ctx.definitionOf(sub.kind);
  if (CONNECT.test(sub.name)) {
    // exec, attach, port-forward and proxy upgrade or forward the connection; no object schema.
    const methods: readonly Method[] = sub.name === 'proxy' ? ['delete', 'get', 'head', 'options', 'patch', 'post', 'put'] : ['get', 'post'];
    const ops = methods.map((m) => c.op({ method: m, id: `connect${cap(m)}${what}`, description: `Connect to ${sub.name} of the named ${r.kind}.`, action: 'connect', gvk: sub.kind, query: [], response: 'string', codes: ['200'] }));
    const items: PathItem[] = [{ path, params, operations: ops }];
    if (sub.name === 'proxy') items.push({ path: `${path}/{path}`, params: ['name', ...c.scopeParams, 'path'], operations: ops.map((o) => ({ ...o, id: `${o.id}WithPath` })) });
    return items;
  }
  if (sub.name === 'log') {
    return [{ path, params, operations: [c.op({ method: 'get', id: `read${what}`, description: `Read the log of the named ${r.kind}.`, action: 'get', query: [], response: 'string', codes: ['200'] })] }];
  }
  if (!def) return [];
  const ops: Operation[] = [];
  const has = (v: Verb) => sub.verbs.includes(v);
  if (has('get')) ops.push(c.op({ method: 'get', id: `read${what}`, description: `Read ${sub.name} of the named ${r.kind}.`, action: 'get', gvk: sub.kind, query: [], response: def, codes: ['200'] }));
  if (has('update')) ops.push(c.op({ method: 'put', id: `replace${what}`, description: `Replace ${sub.name} of the named ${r.kind}.`, action: 'put', gvk: sub.kind, query: WRITE, body: { schema: def, required: true }, response: def, codes: ['200', '201'] }));
  if (has('patch')) ops.push(c.op({ method: 'patch', id: `patch${what}`, description: `Change part of ${sub.name} of the named ${r.kind}.`, action: 'patch', gvk: sub.kind, query: [...WRITE, 'force'], body: { schema: `${META}Patch`, patchTypes: c.patchTypes, required: true }, response: def, codes: ['200', '201'] }));
  if (has('create')) ops.push(c.op({ method: 'post', id: `create${what}`, description: `Create ${sub.name} of the named ${r.kind}.`, action: 'post', gvk: sub.kind, query: WRITE, body: { schema: def, required: true }, response: def, codes: ['200', '201', '202'] }));
  return ops.length ? [{ path, params, operations: ops }] : [];
}
