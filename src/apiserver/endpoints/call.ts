/**
 * @module One API request on its way through the handlers: the parsed request, the resource it
 * addresses, the caller, and the shared environment (codec, admission, patchers). Also the
 * steps every write shares: reading and decoding the body, and the registry context.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cloneJson, isPlainObject, type KubeObject } from '../../api/meta/object.js';
import type { GroupVersionKind } from '../../api/schema/types.js';
import { statusErrors } from '../../api/status.js';
import { readBody } from '../http/respond.js';
import { auditRecordOf } from '../audit/auditor.js';
import type { AdmissionAttributes, AdmissionChain, Operation } from '../admission/admission.js';
import type { RequestContext, UserInfo } from '../registry/rest/context.js';
import type { ResourceRegistry, ServedResource } from '../registry/resources.js';
import type { AdmitFn } from '../registry/generic/store.js';
import type { BodyCodec, FieldValidation } from './codec.js';
import { bodyEncoding } from './negotiate.js';
import type { ResourceRequest } from './request-info.js';
import type { WriteQuery } from './query.js';
import type { Patcher } from './patchers.js';

export interface ApiEnv {
  readonly registry: ResourceRegistry;
  readonly codec: BodyCodec;
  readonly admission: AdmissionChain;
  /** Patch appliers by patch type (json and merge built in; strategic and apply plug in). */
  readonly patchers: ReadonlyMap<string, Patcher>;
}

export interface ApiCall {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly info: ResourceRequest;
  readonly query: URLSearchParams;
  readonly served: ServedResource;
  readonly user: UserInfo;
  readonly signal: AbortSignal;
  readonly env: ApiEnv;
  /** Warning headers collected while serving. */
  readonly warnings: string[];
  /** Annotations for the request's audit event (present when the request is audited). */
  readonly auditAnnotations?: Record<string, string> | undefined;
}

/** The registry context of a call. */
export function contextOf(call: ApiCall, wq?: WriteQuery): RequestContext {
  const ctx: { -readonly [K in keyof RequestContext]?: RequestContext[K] } = {
    namespace: call.served.def.namespaced ? call.info.namespace : '',
    user: call.user, dryRun: wq?.dryRun ?? false, warnings: call.warnings, signal: call.signal,
  };
  if (wq?.fieldManager) ctx.fieldManager = wq.fieldManager;
  if (call.info.subresource) ctx.subresource = call.info.subresource;
  if (call.req.method === 'PATCH' && (call.req.headers['content-type'] ?? '').startsWith('application/apply-patch')) ctx.applyPatch = true;
  return ctx as RequestContext;
}

/** The kind a resource's main endpoint reads and writes. */
export function gvkOf(served: ServedResource): GroupVersionKind {
  return { group: served.def.group, version: served.def.version, kind: served.def.kind };
}

const apiVersionOf = (g: GroupVersionKind) => (g.group ? `${g.group}/${g.version}` : g.version);

/**
 * Reads and decodes a request body meant to be a `gvk` object: 415 for an unknown content
 * type, 400 for bytes that are not an object or name another kind, and unknown fields handled
 * by `mode` (Strict: 400; Warn: Warning headers).
 */
export async function decodeBody(call: ApiCall, gvk: GroupVersionKind, mode: FieldValidation): Promise<KubeObject> {
  const encoding = bodyEncoding(call.req.headers['content-type'], call.env.codec.protobuf);
  const bytes = await readBody(call.req, { signal: call.signal });
  const decoded = call.env.codec.decode(bytes, encoding, gvk, mode);
  call.warnings.push(...decoded.warnings);
  const audit = auditRecordOf(call.res);
  if (audit?.wantsRequest) audit.requestObject(cloneJson(decoded.object));
  return asObject(decoded.object, gvk);
}

/** Checks that a decoded value is an object of `gvk`, filling apiVersion/kind when absent. */
export function asObject(v: unknown, gvk: GroupVersionKind): KubeObject {
  if (!isPlainObject(v)) throw statusErrors.badRequest(`the body of the request must be a JSON object of kind ${gvk.kind}`);
  const want = apiVersionOf(gvk);
  const av = v['apiVersion'];
  const kind = v['kind'];
  if (av !== undefined && av !== '' && av !== want) {
    throw statusErrors.badRequest(`the API version in the data (${String(av)}) does not match the expected API version (${want})`);
  }
  if (kind !== undefined && kind !== '' && kind !== gvk.kind) {
    throw statusErrors.badRequest(`${String(kind)} in version ${JSON.stringify(gvk.version)} cannot be handled as a ${gvk.kind}: no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(want)}`);
  }
  const obj = v as KubeObject;
  obj.apiVersion = want;
  obj.kind = gvk.kind;
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  else if (!isPlainObject(obj.metadata)) throw statusErrors.badRequest('metadata must be an object');
  return obj;
}

/** Admission attributes for a call. */
export function admissionAttrs(call: ApiCall, op: Operation, name: string, object: KubeObject | undefined, oldObject: KubeObject | undefined, dryRun: boolean, kind?: GroupVersionKind): AdmissionAttributes {
  const g = kind ?? gvkOf(call.served);
  const def = call.served.def;
  return {
    operation: op, group: def.group, version: def.version, kind: g.kind,
    ...(g.group !== def.group || g.version !== def.version ? { kindGroupVersion: { group: g.group, version: g.version } } : {}),
    resource: call.served.def.plural, subresource: call.info.subresource, namespace: call.served.def.namespaced ? call.info.namespace : '',
    name, object, oldObject, user: call.user, dryRun, warnings: call.warnings,
    ...(call.auditAnnotations ? { auditAnnotations: call.auditAnnotations } : {}),
  };
}

/** How a subresource's writes look to admission: its kind, and its object made from the parent's (Scale). */
export interface AdmittedAs {
  readonly kind: GroupVersionKind;
  readonly view?: ((parent: KubeObject) => KubeObject) | undefined;
}

/** The validating-admission callback the store runs just before storage. */
export function validatingAdmission(call: ApiCall, op: Operation, name: string, dryRun: boolean, as?: AdmittedAs): AdmitFn | undefined {
  const chain: AdmissionChain = call.env.admission;
  if (chain.validating.length === 0) return undefined;
  const view = as?.view ?? ((o: KubeObject) => o);
  return (obj, old) => chain.validate(admissionAttrs(call, op === 'CREATE' && old ? 'UPDATE' : op, obj.metadata.name ?? name, view(obj), old && view(old), dryRun, as?.kind));
}

export { readBody };
