/**
 * @module MutatingAdmissionWebhook and ValidatingAdmissionWebhook (k8s.io/apiserver
 * plugin/webhook): the webhooks of every admissionregistration.k8s.io/v1 configuration, in name
 * order, that match a request are sent an AdmissionReview v1. Mutating webhooks run one after
 * another and may answer with a JSON patch; validating ones run in parallel. A refusal is
 * `admission webhook "<name>" denied the request: <message>`; a webhook that cannot be reached
 * (or times out) blocks the request under `failurePolicy: Fail` (500) and is skipped under
 * `Ignore`. Webhooks with side effects refuse dry runs; matchConditions (CEL) narrow the calls;
 * mutating webhooks with `reinvocationPolicy: IfNeeded` run again when a later one changed the object.
 */
import { randomUUID } from 'node:crypto';
import { isPlainObject, jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { applyJsonPatch, decodeJsonPatch } from '../../../api/patch/json-patch.js';
import { StatusError, failure, statusErrors, type StatusReason } from '../../../api/status.js';
import { logger } from '../../../base/log.js';
import type { AdmissionAttributes, MutatingPlugin, Operation, ValidatingPlugin } from '../admission.js';
import { postReview, resolveTarget, type ServiceResolver, WebhookCallError } from './client.js';
import { exempt, webhookMatches } from './matching.js';
import { evaluateMatchConditions } from './match-conditions.js';

const log = logger('admission-webhook');

export interface WebhookSources {
  /** Current MutatingWebhookConfigurations or ValidatingWebhookConfigurations. */
  readonly configurations: () => readonly KubeObject[];
  readonly namespaceLabels: (namespace: string) => Promise<Readonly<Record<string, string>> | undefined>;
  readonly resolveService: ServiceResolver;
}

interface Hook {
  readonly name: string;
  readonly spec: Record<string, unknown>;
}

function hooksOf(configs: readonly KubeObject[]): Hook[] {
  const sorted = [...configs].sort((x, y) => (x.metadata.name ?? '').localeCompare(y.metadata.name ?? ''));
  const out: Hook[] = [];
  for (const c of sorted) {
    const hooks = c['webhooks'];
    if (!Array.isArray(hooks)) continue;
    for (const h of hooks) if (isPlainObject(h)) out.push({ name: String(h['name'] ?? ''), spec: h });
  }
  return out;
}

function review(a: AdmissionAttributes, uid: string): Record<string, unknown> {
  const u = a.user;
  const options = a.operation === 'CREATE' ? 'CreateOptions' : a.operation === 'UPDATE' ? 'UpdateOptions' : a.operation === 'DELETE' ? 'DeleteOptions' : undefined;
  const resource = { group: a.group, version: a.version, resource: a.resource };
  const kind = { group: a.group, version: a.version, kind: a.kind };
  return {
    apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview',
    request: {
      uid, kind, resource, requestKind: kind, requestResource: resource,
      ...(a.subresource ? { subResource: a.subresource, requestSubResource: a.subresource } : {}),
      ...(a.name ? { name: a.name } : {}), ...(a.namespace ? { namespace: a.namespace } : {}),
      operation: a.operation,
      userInfo: u ? { username: u.name, ...(u.uid ? { uid: u.uid } : {}), groups: [...u.groups], ...(u.extra ? { extra: u.extra } : {}) } : {},
      object: a.operation === 'DELETE' ? null : a.object ?? null, oldObject: a.oldObject ?? null, dryRun: a.dryRun,
      ...(options ? { options: { apiVersion: 'meta.k8s.io/v1', kind: options } } : {}),
    },
  };
}

/** The refusal of a webhook, as ToStatusErr words it. */
function denied(name: string, status: unknown): StatusError {
  const s = isPlainObject(status) ? status : {};
  const by = `admission webhook ${JSON.stringify(name)} denied the request`;
  const message = typeof s['message'] === 'string' && s['message'] ? `${by}: ${s['message']}` : typeof s['reason'] === 'string' && s['reason'] ? `${by}: ${s['reason']}` : `${by} without explanation`;
  const code = typeof s['code'] === 'number' && s['code'] >= 400 && s['code'] < 600 ? s['code'] : 400;
  const reason = (typeof s['reason'] === 'string' ? s['reason'] : code === 400 ? 'BadRequest' : '') as StatusReason;
  return new StatusError(failure(code, reason, message, isPlainObject(s['details']) ? s['details'] as object : undefined));
}

/** Calls one webhook; returns its response, or undefined when it failed (or its conditions said no) and may be ignored. */
async function call(hook: Hook, a: AdmissionAttributes, sources: WebhookSources): Promise<Record<string, unknown> | undefined> {
  const spec = hook.spec;
  const conditions = evaluateMatchConditions(spec, a);
  if ('error' in conditions) {
    if (spec['failurePolicy'] === 'Ignore') return undefined;
    throw statusErrors.internal(`failed calling webhook ${JSON.stringify(hook.name)}: ${conditions.error}`);
  }
  if (!conditions.match) return undefined;
  const sideEffects = spec['sideEffects'];
  if (a.dryRun && sideEffects !== 'None' && sideEffects !== 'NoneOnDryRun') throw statusErrors.badRequest(`admission webhook ${JSON.stringify(hook.name)} does not support dry run`);
  const timeoutSeconds = typeof spec['timeoutSeconds'] === 'number' && spec['timeoutSeconds'] > 0 ? Math.min(spec['timeoutSeconds'], 30) : 10;
  const uid = randomUUID();
  try {
    const versions = spec['admissionReviewVersions'];
    if (Array.isArray(versions) && !versions.includes('v1')) throw new WebhookCallError('webhook does not accept v1 AdmissionReview');
    const target = await resolveTarget(spec['clientConfig'], sources.resolveService);
    const body = await postReview(target, review(a, uid), { timeoutSeconds });
    const response = body['response'];
    if (!isPlainObject(response)) throw new WebhookCallError('webhook response was absent');
    if (response['uid'] !== uid) throw new WebhookCallError(`expected response.uid=${JSON.stringify(uid)}, got ${JSON.stringify(response['uid'])}`);
    return response;
  } catch (e) {
    if (e instanceof StatusError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    if (spec['failurePolicy'] === 'Ignore') {
      log.warn(`failed calling webhook ${JSON.stringify(hook.name)}, failing open: ${why}`);
      return undefined;
    }
    const message = `failed calling webhook ${JSON.stringify(hook.name)}: ${why}`;
    throw statusErrors.internal(message);
  }
}

function accept(hook: Hook, response: Record<string, unknown>, a: AdmissionAttributes): void {
  const warnings = response['warnings'];
  if (Array.isArray(warnings) && a.warnings) for (const w of warnings) if (typeof w === 'string') a.warnings.push(w);
  if (response['allowed'] !== true) throw denied(hook.name, response['status']);
}

// Webhooks see every operation, CONNECT (pods/exec, ...) included.
const handlesAll = (_op: Operation) => true;

/** Runs one mutating webhook; returns true when it changed the object. */
async function mutate(hook: Hook, a: AdmissionAttributes, sources: WebhookSources): Promise<boolean> {
  const response = await call(hook, a, sources);
  if (!response) return false;
  accept(hook, response, a);
  const patch = response['patch'];
  if (patch === undefined || patch === null || patch === '' || !a.object) return false;
  if (response['patchType'] !== 'JSONPatch' || typeof patch !== 'string') throw statusErrors.internal(`admission webhook ${JSON.stringify(hook.name)} returned a patch with unsupported patchType ${JSON.stringify(response['patchType'])}`);
  let next: unknown;
  try {
    next = applyJsonPatch(structuredClone(a.object), decodeJsonPatch(JSON.parse(Buffer.from(patch, 'base64').toString('utf8'))));
  } catch (e) {
    throw statusErrors.internal(`admission webhook ${JSON.stringify(hook.name)} returned a patch that does not apply: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isPlainObject(next) || !isPlainObject(next['metadata'])) throw statusErrors.internal(`admission webhook ${JSON.stringify(hook.name)} patched the object into something that is not an object`);
  if (jsonEqual(next, a.object)) return false;
  // The handler holds `a.object`: the patched object replaces its contents.
  const obj = a.object as Record<string, unknown>;
  for (const k of Object.keys(obj)) delete obj[k];
  Object.assign(obj, next);
  return true;
}

export function mutatingWebhooks(sources: WebhookSources): MutatingPlugin {
  return {
    name: 'MutatingAdmissionWebhook',
    handles: handlesAll,
    async admit(a) {
      if (exempt(a)) return;
      const hooks = hooksOf(sources.configurations());
      if (!hooks.length) return;
      const nsLabels = a.namespace ? await sources.namespaceLabels(a.namespace) : undefined;
      const called: { hook: Hook; at: number }[] = [];
      let lastChange = -1;
      for (const [i, hook] of hooks.entries()) {
        if (!webhookMatches(hook.spec, { attrs: a, namespaceLabels: nsLabels })) continue;
        called.push({ hook, at: i });
        if (await mutate(hook, a, sources)) lastChange = i;
      }
      // reinvocationPolicy IfNeeded: once more, for webhooks that ran before a later one changed the object.
      for (const { hook, at } of called) {
        if (hook.spec['reinvocationPolicy'] === 'IfNeeded' && at < lastChange) await mutate(hook, a, sources);
      }
    },
  };
}

export function validatingWebhooks(sources: WebhookSources): ValidatingPlugin {
  return {
    name: 'ValidatingAdmissionWebhook',
    handles: handlesAll,
    async validate(a) {
      if (exempt(a)) return;
      const hooks = hooksOf(sources.configurations());
      if (!hooks.length) return;
      const nsLabels = a.namespace ? await sources.namespaceLabels(a.namespace) : undefined;
      const matched = hooks.filter((h) => webhookMatches(h.spec, { attrs: a, namespaceLabels: nsLabels }));
      const results = await Promise.allSettled(matched.map(async (hook) => {
        const response = await call(hook, a, sources);
        if (response) accept(hook, response, a);
      }));
      for (const r of results) if (r.status === 'rejected') throw r.reason;
    },
  };
}
