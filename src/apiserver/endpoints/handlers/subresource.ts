/**
 * @module Requests for registry subresources (status, scale, binding, eviction, finalize, ...):
 * GET reads, PUT and PATCH go through the subresource's update, POST through its create. Every
 * write goes through mutating and validating admission as the subresource's kind, with its own
 * object (a Scale for /scale, the Binding or Eviction posted), as kube-apiserver admits them.
 */
import { cloneJson } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';
import type { Subresource } from '../../registry/resources.js';
import { type ApiCall, admissionAttrs, contextOf, decodeBody, validatingAdmission } from '../call.js';
import { negotiateOutput } from '../negotiate.js';
import { parseWriteQuery } from '../query.js';
import { transformObject, writeBody } from '../respond.js';
import { runPatch } from './patch.js';
import { transformContext } from './read.js';

export async function serveSubresource(call: ApiCall, sub: Subresource): Promise<void> {
  const verb = call.info.verb;
  const name = call.info.name;
  const notAllowed = () => statusErrors.methodNotAllowed();
  if (verb === 'get') {
    if (!sub.get) throw notAllowed();
    const n = negotiateOutput(call.req.headers.accept, { transformable: true, protobuf: call.env.codec.protobuf, list: false });
    const obj = await sub.get(contextOf(call), name);
    writeBody(call.res, 200, transformObject(obj, n, transformContext(call, 'Metadata')), n, call.env.codec, call.warnings);
    return;
  }
  const n = negotiateOutput(call.req.headers.accept, { transformable: false, protobuf: call.env.codec.protobuf, list: false });
  const as = { kind: sub.kind, view: sub.admissionView };
  if (verb === 'update') {
    if (!sub.update) throw notAllowed();
    const wq = parseWriteQuery(call.query, 'UpdateOptions', call.req.headers['user-agent']);
    const body = await decodeBody(call, sub.kind, wq.fieldValidation);
    if (body.metadata.name && body.metadata.name !== name) {
      throw statusErrors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
    }
    body.metadata.name = name;
    const admit = validatingAdmission(call, 'UPDATE', name, wq.dryRun, as);
    const r = await sub.update(contextOf(call, wq), name, async (cur) => {
      const next = cloneJson(body);
      if (!call.env.admission.empty) await call.env.admission.admit(admissionAttrs(call, 'UPDATE', name, next, cur, wq.dryRun, sub.kind));
      return next;
    }, admit ? { admit } : {});
    writeBody(call.res, 200, r.obj, n, call.env.codec, call.warnings);
    return;
  }
  if (verb === 'patch') {
    if (!sub.update) throw notAllowed();
    const update = sub.update.bind(sub);
    const wq = parseWriteQuery(call.query, 'PatchOptions', call.req.headers['user-agent']);
    const admit = validatingAdmission(call, 'UPDATE', name, wq.dryRun, as);
    const r = await runPatch(call, wq, sub.kind, (apply) => update(contextOf(call, wq), name, (cur) => apply(cur), admit ? { admit } : {}));
    writeBody(call.res, 200, r.obj, n, call.env.codec, call.warnings);
    return;
  }
  if (verb === 'create') {
    if (!sub.create) throw notAllowed();
    const wq = parseWriteQuery(call.query, 'CreateOptions', call.req.headers['user-agent']);
    const body = await decodeBody(call, sub.kind, wq.fieldValidation);
    // The posted object (Binding, Eviction, TokenRequest) is what admission sees, mutated first.
    if (!call.env.admission.empty) {
      await call.env.admission.admit(admissionAttrs(call, 'CREATE', name, body, undefined, wq.dryRun, sub.kind));
      await validatingAdmission(call, 'CREATE', name, wq.dryRun, as)?.(body, undefined);
    }
    const r = await sub.create(contextOf(call, wq), name, body, {});
    writeBody(call.res, r.code, r.body, n, call.env.codec, call.warnings);
    return;
  }
  throw notAllowed();
}
