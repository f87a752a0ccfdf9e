/**
 * @module GET of one object and of a collection, in every negotiated form (JSON, YAML, Table,
 * PartialObjectMetadata[List]); lists honour selectors, limit/continue and resourceVersion.
 */
import { listObjects } from '../../registry/generic/list.js';
import { type ApiCall, contextOf } from '../call.js';
import { negotiateOutput } from '../negotiate.js';
import { parseListQuery } from '../query.js';
import { type TransformContext, transformList, transformObject, writeBody } from '../respond.js';
import type { IncludeObject } from '../../../api/printers/registry.js';

export function transformContext(call: ApiCall, include: IncludeObject): TransformContext {
  const t: { -readonly [K in keyof TransformContext]?: TransformContext[K] } = { group: call.served.def.group, plural: call.served.def.plural, include };
  if (call.served.printer) t.printer = call.served.printer;
  return t as TransformContext;
}

function includeOf(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

export async function getObject(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: true, protobuf: call.env.codec.protobuf, list: false });
  const rv = call.query.get('resourceVersion') ?? undefined;
  const obj = await call.served.store.get(contextOf(call), call.info.name, rv !== undefined ? { resourceVersion: rv } : {});
  writeBody(call.res, 200, transformObject(obj, n, transformContext(call, includeOf(call.query))), n, call.env.codec, call.warnings);
}

export async function listCollection(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: true, protobuf: call.env.codec.protobuf, list: true });
  const q = parseListQuery(call.query, call.served.store.strategy.fieldLabels, { watch: false });
  const r = await listObjects(call.served.store, contextOf(call), { ...q, readOnly: true });
  const def = call.served.def;
  const body = transformList({
    apiVersion: call.served.store.apiVersion, kind: def.listKind ?? `${def.kind}List`, items: r.items, resourceVersion: r.resourceVersion,
    ...(r.continue ? { continue: r.continue } : {}), ...(r.remainingItemCount !== undefined ? { remainingItemCount: r.remainingItemCount } : {}),
  }, n, transformContext(call, q.includeObject));
  writeBody(call.res, 200, body, n, call.env.codec, call.warnings);
}
