/**
 * @module DELETE of one object and of a collection: DeleteOptions from the query and the body
 * (gracePeriodSeconds, propagationPolicy, orphanDependents, preconditions, dryRun), validated as
 * upstream does, then the registry's delete; 200 with the object or a Success Status.
 */
import { isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';
import { type FieldError, fieldErrors, invalidError } from '../../../api/validation/field-errors.js';
import type { DeleteRequest } from '../../registry/rest/strategy.js';
import { listObjects } from '../../registry/generic/list.js';
import { auditRecordOf } from '../../audit/auditor.js';
import { type ApiCall, contextOf, readBody, validatingAdmission } from '../call.js';
import { bodyEncoding, negotiateOutput } from '../negotiate.js';
import { parseListQuery } from '../query.js';
import { writeBody } from '../respond.js';

const POLICIES = ['Foreground', 'Background', 'Orphan'];

/** DeleteOptions from query parameters and an optional JSON body (the body wins). */
export async function parseDeleteOptions(call: ApiCall): Promise<{ req: DeleteRequest; dryRun: boolean }> {
  const q = call.query;
  const opts: Record<string, unknown> = {};
  const gp = q.get('gracePeriodSeconds');
  if (gp !== null && gp !== '') opts['gracePeriodSeconds'] = Number(gp);
  const pp = q.get('propagationPolicy');
  if (pp) opts['propagationPolicy'] = pp;
  const od = q.get('orphanDependents');
  if (od !== null) opts['orphanDependents'] = od === 'true' || od === '1';
  const dry = q.getAll('dryRun');
  if (dry.length) opts['dryRun'] = dry;
  const hasBody = Number(call.req.headers['content-length'] ?? 0) > 0 || call.req.headers['transfer-encoding'] !== undefined;
  if (hasBody) {
    const bytes = await readBody(call.req);
    const audit = auditRecordOf(call.res);
    if (audit?.wantsRequest && bytes.length) {
      try {
        audit.requestObject(JSON.parse(bytes.toString('utf8')) as unknown);
      } catch {
        // Not JSON: decoding below answers 400; nothing to record.
      }
    }
    if (bytes.length) {
      const decoded = call.env.codec.decode(bytes, bodyEncoding(call.req.headers['content-type'], call.env.codec.protobuf), { group: 'meta.k8s.io', version: 'v1', kind: 'DeleteOptions' }, 'Ignore');
      if (!isPlainObject(decoded.object)) throw statusErrors.badRequest('the body of a DELETE must be a DeleteOptions object');
      Object.assign(opts, decoded.object);
    }
  }
  const errs: FieldError[] = [];
  const req: { -readonly [K in keyof DeleteRequest]?: DeleteRequest[K] } = {};
  const g = opts['gracePeriodSeconds'];
  if (g !== undefined && g !== null) {
    if (typeof g !== 'number' || !Number.isInteger(g)) throw statusErrors.badRequest(`invalid gracePeriodSeconds: ${String(g)}`);
    req.gracePeriodSeconds = g;
  }
  const p = opts['propagationPolicy'];
  if (p !== undefined && p !== null) {
    if (typeof p !== 'string' || !POLICIES.includes(p)) errs.push(fieldErrors.notSupported('propagationPolicy', p, POLICIES));
    else req.propagationPolicy = p as DeleteRequest['propagationPolicy'] & string;
  }
  const o = opts['orphanDependents'];
  if (typeof o === 'boolean') {
    if (req.propagationPolicy) errs.push(fieldErrors.invalid('propagationPolicy', req.propagationPolicy, 'orphanDependents and deletionPropagation cannot be both set'));
    req.orphanDependents = o;
  }
  const pre = opts['preconditions'];
  if (isPlainObject(pre)) {
    req.preconditions = {
      ...(typeof pre['uid'] === 'string' ? { uid: pre['uid'] } : {}),
      ...(typeof pre['resourceVersion'] === 'string' ? { resourceVersion: pre['resourceVersion'] } : {}),
    };
  }
  const dr = opts['dryRun'];
  if (Array.isArray(dr)) dr.forEach((d, i) => { if (d !== 'All') errs.push(fieldErrors.notSupported(`dryRun[${i}]`, d, ['All'])); });
  if (errs.length) throw invalidError('DeleteOptions', 'meta.k8s.io', '', errs);
  return { req, dryRun: Array.isArray(dr) && dr.length > 0 };
}

export async function deleteObject(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: false, protobuf: call.env.codec.protobuf, list: false });
  const { req, dryRun } = await parseDeleteOptions(call);
  const ctx = { ...contextOf(call), dryRun };
  const admit = validatingAdmission(call, 'DELETE', call.info.name, dryRun);
  const r = await call.served.store.delete(ctx, call.info.name, req, admit ? { admit } : {});
  const code = !r.deleted && req.orphanDependents === false ? 202 : 200;
  writeBody(call.res, code, r.body, n, call.env.codec, call.warnings);
}

export async function deleteCollection(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: false, protobuf: call.env.codec.protobuf, list: false });
  const q = parseListQuery(call.query, call.served.store.strategy.fieldLabels, { watch: false });
  const { req, dryRun } = await parseDeleteOptions(call);
  const ctx = { ...contextOf(call), dryRun };
  const list = await listObjects(call.served.store, ctx, { labels: q.labels, fields: q.fields });
  const admit = validatingAdmission(call, 'DELETE', '', dryRun);
  const items: KubeObject[] = [];
  for (const obj of list.items) {
    try {
      const r = await call.served.store.delete({ ...ctx, namespace: obj.metadata.namespace ?? '' }, obj.metadata.name ?? '', req, admit ? { admit } : {});
      items.push(isPlainObject(r.body) && r.body.kind !== 'Status' ? (r.body as KubeObject) : obj);
    } catch (e) {
      // Objects that vanished meanwhile are simply gone; anything else fails the request.
      if (!(e instanceof Error && 'status' in e && (e as { status: { code: number } }).status.code === 404)) throw e;
    }
  }
  const def = call.served.def;
  writeBody(call.res, 200, { apiVersion: call.served.store.apiVersion, kind: def.listKind ?? `${def.kind}List`, metadata: { resourceVersion: list.resourceVersion }, items }, n, call.env.codec, call.warnings);
}
