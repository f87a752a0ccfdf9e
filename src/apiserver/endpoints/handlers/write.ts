/**
 * @module POST (create) and PUT (update, or create where the resource allows it): decode and
 * check the body, mutating admission, the registry's create/update (which validates and runs
 * validating admission), then 201/200 with the stored object.
 */
import { cloneJson } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';
import { type ApiCall, admissionAttrs, contextOf, decodeBody, gvkOf, validatingAdmission } from '../call.js';
import { negotiateOutput } from '../negotiate.js';
import { parseWriteQuery } from '../query.js';
import { writeBody } from '../respond.js';

export async function createObject(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: false, protobuf: call.env.codec.protobuf, list: false });
  const wq = parseWriteQuery(call.query, 'CreateOptions', call.req.headers['user-agent']);
  const obj = await decodeBody(call, gvkOf(call.served), wq.fieldValidation);
  call.served.store.strategy.defaults(obj);
  const ctx = contextOf(call, wq);
  if (call.served.def.namespaced && obj.metadata.namespace && obj.metadata.namespace !== ctx.namespace) {
    throw statusErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (!call.env.admission.empty) await call.env.admission.admit(admissionAttrs(call, 'CREATE', obj.metadata.name ?? '', obj, undefined, wq.dryRun));
  const admit = validatingAdmission(call, 'CREATE', obj.metadata.name ?? '', wq.dryRun);
  const out = await call.served.store.create(ctx, obj, admit ? { admit } : {});
  writeBody(call.res, 201, out, n, call.env.codec, call.warnings);
}

export async function updateObject(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: false, protobuf: call.env.codec.protobuf, list: false });
  const wq = parseWriteQuery(call.query, 'UpdateOptions', call.req.headers['user-agent']);
  const body = await decodeBody(call, gvkOf(call.served), wq.fieldValidation);
  const name = call.info.name;
  if (body.metadata.name !== undefined && body.metadata.name !== '' && body.metadata.name !== name) {
    throw statusErrors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
  }
  body.metadata.name = name;
  call.served.store.strategy.defaults(body);
  const ctx = contextOf(call, wq);
  const admit = validatingAdmission(call, 'UPDATE', name, wq.dryRun);
  const r = await call.served.store.update(ctx, name, async (prev) => {
    const next = cloneJson(body);
    if (!call.env.admission.empty) await call.env.admission.admit(admissionAttrs(call, prev ? 'UPDATE' : 'CREATE', name, next, prev, wq.dryRun));
    return next;
  }, admit ? { admit } : {});
  writeBody(call.res, r.created ? 201 : 200, r.obj, n, call.env.codec, call.warnings);
}
