/**
 * @module PATCH: the patch type from the Content-Type (JSON patch and merge patch built in,
 * strategic merge and apply when their appliers are mounted, 415 otherwise), applied to the
 * stored object inside the registry's update loop, then checked like a PUT body (unknown
 * fields by fieldValidation, kind and apiVersion unchanged).
 */
import { statusErrors, StatusError, failure } from '../../../api/status.js';
import { validateFieldManager } from '../../../api/fieldmanager/manager-name.js';
import { fieldErrors, invalidError } from '../../../api/validation/field-errors.js';
import type { KubeObject } from '../../../api/meta/object.js';
import type { GroupVersionKind } from '../../../api/schema/types.js';
import type { UpdateResult } from '../../registry/generic/store.js';
import { auditRecordOf } from '../../audit/auditor.js';
import { type ApiCall, admissionAttrs, asObject, contextOf, gvkOf, readBody, validatingAdmission } from '../call.js';
import { negotiateOutput } from '../negotiate.js';
import { parseWriteQuery, type WriteQuery } from '../query.js';
import { writeBody } from '../respond.js';
import type { Patcher, PatchRequest } from '../patchers.js';

const PATCH_TYPES: Readonly<Record<string, string>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

function unsupported(call: ApiCall): StatusError {
  const accepted = Object.entries(PATCH_TYPES).filter(([, t]) => call.env.patchers.has(t)).map(([ct]) => ct);
  return new StatusError(failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`));
}

/** The applier for the request's Content-Type; 415 when none is mounted. */
export function patcherFor(call: ApiCall): { patcher: Patcher; type: string } {
  const ct = (call.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const type = PATCH_TYPES[ct];
  const patcher = type ? call.env.patchers.get(type) : undefined;
  if (!type || !patcher) throw unsupported(call);
  return { patcher, type };
}

/**
 * Applies a patch through `update` (the main resource's store.update or a subresource's),
 * re-checking the patched object as a decoded body of `gvk`.
 */
export async function runPatch(
  call: ApiCall, wq: WriteQuery, gvk: GroupVersionKind,
  update: (apply: (prev: KubeObject | undefined) => Promise<KubeObject>, forceAllowCreate: boolean) => Promise<UpdateResult>,
): Promise<UpdateResult> {
  const { patcher, type } = patcherFor(call);
  // Apply needs an explicit fieldManager (not one derived from the User-Agent); force is for apply only.
  const optionErrs = type === 'apply'
    ? validateFieldManager(call.query.get('fieldManager') ?? '', { apply: true }).filter((e) => e.type === 'FieldValueRequired')
    : wq.force !== undefined ? [fieldErrors.forbidden('force', 'may not be specified for non-apply patch')] : [];
  if (optionErrs.length) throw invalidError('PatchOptions', 'meta.k8s.io', '', optionErrs);
  const body = await readBody(call.req);
  const audit = auditRecordOf(call.res);
  if (audit?.wantsRequest) audit.requestObject(parsedOrText(body));
  const req: PatchRequest = { body, gvk, subresource: call.info.subresource, ...(wq.fieldManager ? { fieldManager: wq.fieldManager } : {}), ...(wq.force !== undefined ? { force: wq.force } : {}) };
  const name = call.info.name;
  return update(async (prev) => {
    if (!prev && !patcher.createsMissing) throw statusErrors.notFound({ resource: call.served.def.plural, group: call.served.def.group }, name);
    const patched = await patcher.apply(prev, req);
    // The patched object is checked like a request body: unknown fields by fieldValidation.
    const decoded = call.env.codec.decode(Buffer.from(JSON.stringify(patched)), 'json', gvk, wq.fieldValidation);
    call.warnings.push(...decoded.warnings);
    const next = asObject(decoded.object, gvk);
    if (prev && next.metadata.name !== undefined && next.metadata.name !== name) {
      throw statusErrors.badRequest(`the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${name})`);
    }
    next.metadata.name ??= name;
    if (!call.info.subresource) call.served.store.strategy.defaults(next);
    if (!call.env.admission.empty) await call.env.admission.admit(admissionAttrs(call, prev ? 'UPDATE' : 'CREATE', name, next, prev, wq.dryRun, gvk));
    return next;
  }, patcher.createsMissing);
}

export async function patchObject(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: false, protobuf: call.env.codec.protobuf, list: false });
  const wq = parseWriteQuery(call.query, 'PatchOptions', call.req.headers['user-agent']);
  const ctx = contextOf(call, wq);
  const admit = validatingAdmission(call, 'UPDATE', call.info.name, wq.dryRun);
  const r = await runPatch(call, wq, gvkOf(call.served), (apply, forceAllowCreate) =>
    call.served.store.update(ctx, call.info.name, apply, { forceAllowCreate, ...(admit ? { admit } : {}) }));
  writeBody(call.res, r.created ? 201 : 200, r.obj, n, call.env.codec, call.warnings);
}

/** A patch body for the audit log: its JSON value, else its text (YAML apply patches). */
function parsedOrText(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return body.toString('utf8');
  }
}
