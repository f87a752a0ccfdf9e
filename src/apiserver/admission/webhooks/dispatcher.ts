/**
 * @module MutatingAdmissionWebhook and ValidatingAdmissionWebhook (k8s.io/apiserver
 * plugin/webhook): the webhooks of every admissionregistration.k8s.io/v1 configuration, in name
 * order, that match a request are sent an AdmissionReview v1. Mutating webhooks run one after
 * another and may answer with a JSON patch; validating ones run in parallel. A refusal is
 * `admission webhook "<name>" denied the request: <message>`; a webhook that cannot be reached
 * (or times out) blocks the request under `failurePolicy: Fail` (500) and is skipped under
 * `Ignore`. Webhooks with side effects refuse dry runs; matchConditions (CEL) narrow the calls;
 * mutating webhooks with `reinvocationPolicy: IfNeeded` run again when a later one changed the object.
 * A webhook matched through an equivalent resource (matchPolicy Equivalent) sees the request at
 * the version its rule named (versioned.ts).
 */
import { randomUUID } from 'node:crypto';
import { isPlainObject, jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { applyJsonPatch, decodeJsonPatch } from '../../../api/patch/json-patch.js';
import { StatusError, failure, statusErrors, type StatusReason } from '../../../api/status.js';
import { logger } from '../../../base/log.js';
import type { AdmissionAttributes, MutatingPlugin, Operation, ValidatingPlugin } from '../admission.js';
import { postReview, resolveTarget, type ServiceResolver, WebhookCallError } from './client.js';
import { exempt, matchWebhook, type Invocation, type MatchRequest } from './matching.js';
import { evaluateMatchConditions } from './match-conditions.js';
import { type EquivalentResourceMapper, type VersionedAttributes, versionedAttributes } from './versioned.js';

const log = logger('admission-webhook');

export interface WebhookSources {
  /** Current MutatingWebhookConfigurations or ValidatingWebhookConfigurations. */
  readonly configurations: () => readonly KubeObject[];
  readonly namespaceLabels: (namespace: string) => Promise<Readonly<Record<string, string>> | undefined>;
  readonly resolveService: ServiceResolver;
  /** Served resources sharing storage (absent: every webhook matches exactly). */
  readonly equivalents?: EquivalentResourceMapper;
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

/** What a hook is called for on this request, or undefined; the object's current labels count. */
function matcher(a: AdmissionAttributes, sources: WebhookSources, namespaceLabels: MatchRequest['namespaceLabels']): (hook: Hook) => Invocation | undefined {
  const mapper = sources.equivalents;
  let equivalents: MatchRequest['equivalents'];
  if (mapper) {
    let found: ReturnType<EquivalentResourceMapper['equivalentsOf']> | undefined;
    equivalents = () => (found ??= mapper.equivalentsOf({ group: a.group, version: a.version, resource: a.resource }, a.subresource));
  }
  const m: MatchRequest = { attrs: a, namespaceLabels, ...(equivalents ? { equivalents } : {}) };
  return (hook) => matchWebhook(hook.spec, m);
}

function review(v: VersionedAttributes, uid: string): Record<string, unknown> {
  const a = v.attrs;
  const u = a.user;
  const options = a.operation === 'CREATE' ? 'CreateOptions' : a.operation === 'UPDATE' ? 'UpdateOptions' : a.operation === 'DELETE' ? 'DeleteOptions' : undefined;
  return {
    apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview',
    request: {
      uid, kind: v.kind, resource: v.resource, requestKind: v.requestKind, requestResource: v.requestResource,
      ...(v.subresource ? { subResource: v.subresource } : {}), ...(v.requestSubResource ? { requestSubResource: v.requestSubResource } : {}),
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
async function call(hook: Hook, v: VersionedAttributes, sources: WebhookSources): Promise<Record<string, unknown> | undefined> {
  const spec = hook.spec;
  const a = v.attrs;
  const conditions = evaluateMatchConditions(spec, a, v);
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
    const body = await postReview(target, review(v, uid), { timeoutSeconds });
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
async function mutate(hook: Hook, invocation: Invocation, a: AdmissionAttributes, sources: WebhookSources): Promise<boolean> {
  // Converted afresh on every call: an earlier webhook may have changed the object.
  const v = versionedAttributes(a, invocation, sources.equivalents);
  const response = await call(hook, v, sources);
  if (!response) return false;
  accept(hook, response, a);
  const patch = response['patch'];
  const current = v.attrs.object;
  if (patch === undefined || patch === null || patch === '' || !current || !a.object) return false;
  if (response['patchType'] !== 'JSONPatch' || typeof patch !== 'string') throw statusErrors.internal(`admission webhook ${JSON.stringify(hook.name)} returned a patch with unsupported patchType ${JSON.stringify(response['patchType'])}`);
  let next: unknown;
  try {
    next = applyJsonPatch(structuredClone(current), decodeJsonPatch(JSON.parse(Buffer.from(patch, 'base64').toString('utf8'))));
  } catch (e) {
    throw statusErrors.internal(`admission webhook ${JSON.stringify(hook.name)} returned a patch that does not apply: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isPlainObject(next) || !isPlainObject(next['metadata'])) throw statusErrors.internal(`admission webhook ${JSON.stringify(hook.name)} patched the object into something that is not an object`);
  if (jsonEqual(next, current)) return false;
  // The handler holds `a.object`: the patched object, back at the request's version, replaces its contents.
  const back = v.toRequest(next as KubeObject);
  const obj = a.object as Record<string, unknown>;
  for (const k of Object.keys(obj)) delete obj[k];
  Object.assign(obj, back);
  return true;
}

/** The configured hooks and a matcher for `a`; undefined when no webhook can apply (an exempt request, none configured). */
async function prepare(a: AdmissionAttributes, sources: WebhookSources): Promise<{ hooks: Hook[]; match: ReturnType<typeof matcher> } | undefined> {
  if (exempt(a)) return undefined;
  const hooks = hooksOf(sources.configurations());
  if (!hooks.length) return undefined;
  const nsLabels = a.namespace ? await sources.namespaceLabels(a.namespace) : undefined;
  return { hooks, match: matcher(a, sources, nsLabels) };
}

export function mutatingWebhooks(sources: WebhookSources): MutatingPlugin {
  return {
    name: 'MutatingAdmissionWebhook',
    handles: handlesAll,
    async admit(a) {
      const prepared = await prepare(a, sources);
      if (!prepared) return;
      const { hooks, match } = prepared;
      const called: { hook: Hook; invocation: Invocation; at: number }[] = [];
      let lastChange = -1;
      // Each hook is matched at its turn (as kube-apiserver does): an earlier patch may change what its objectSelector sees.
      for (const [i, hook] of hooks.entries()) {
        const invocation = match(hook);
        if (!invocation) continue;
        called.push({ hook, invocation, at: i });
        if (await mutate(hook, invocation, a, sources)) lastChange = i;
      }
      // reinvocationPolicy IfNeeded: once more, for webhooks that ran before a later one changed the object.
      for (const { hook, invocation, at } of called) {
        if (hook.spec['reinvocationPolicy'] === 'IfNeeded' && at < lastChange) await mutate(hook, invocation, a, sources);
      }
    },
  };
}

export function validatingWebhooks(sources: WebhookSources): ValidatingPlugin {
  return {
    name: 'ValidatingAdmissionWebhook',
    handles: handlesAll,
    async validate(a) {
      const prepared = await prepare(a, sources);
      if (!prepared) return;
      const { hooks, match } = prepared;
      const matched = hooks.flatMap((hook) => {
        const invocation = match(hook);
        return invocation ? [{ hook, invocation }] : [];
      });
      const results = await Promise.allSettled(matched.map(async ({ hook, invocation }) => {
        const response = await call(hook, versionedAttributes(a, invocation, sources.equivalents), sources);
        if (response) accept(hook, response, a);
      }));
      for (const r of results) if (r.status === 'rejected') throw r.reason;
    },
  };
}
