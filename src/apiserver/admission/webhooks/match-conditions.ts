/**
 * @module A webhook's `matchConditions`: CEL expressions over `object`, `oldObject` and `request`
 * that must all be true for the webhook to be called. A condition that cannot be evaluated is
 * an error, which the webhook's failurePolicy turns into a refusal (Fail) or a skip (Ignore).
 */
import { isCelError } from '@bufbuild/cel';
import { isPlainObject } from '../../../api/meta/object.js';
import { compileRule, toCel } from '../../../api/apiextensions/cel-rules.js';
import type { AdmissionAttributes } from '../admission.js';
import type { VersionedAttributes } from './versioned.js';

/** The kind the webhook is asked about, and what the request was made to. */
type RequestedAs = Pick<VersionedAttributes, 'kind' | 'requestKind' | 'requestResource' | 'requestSubResource'>;

export type ConditionOutcome = { readonly match: boolean } | { readonly error: string };

function requestOf(a: AdmissionAttributes, as: RequestedAs | undefined): Record<string, unknown> {
  const u = a.user;
  const kind = as?.kind ?? { group: a.group, version: a.version, kind: a.kind }, resource = { group: a.group, version: a.version, resource: a.resource };
  return {
    kind, resource, subResource: a.subresource,
    requestKind: as?.requestKind ?? kind, requestResource: as?.requestResource ?? resource, requestSubResource: as?.requestSubResource ?? a.subresource,
    name: a.name, namespace: a.namespace, operation: a.operation, dryRun: a.dryRun,
    userInfo: u ? { username: u.name, uid: u.uid ?? '', groups: [...u.groups], extra: u.extra ?? {} } : {},
  };
}

/** Evaluates the webhook's matchConditions (absent: a match) over `a`, the request at the webhook's version. */
export function evaluateMatchConditions(webhook: Record<string, unknown>, a: AdmissionAttributes, as?: RequestedAs): ConditionOutcome {
  const conditions = webhook['matchConditions'];
  if (!Array.isArray(conditions) || !conditions.length) return { match: true };
  const bindings = {
    object: toCel(a.operation === 'DELETE' ? null : a.object ?? null, undefined), oldObject: toCel(a.oldObject ?? null, undefined),
    request: toCel(requestOf(a, as), undefined),
  };
  for (const c of conditions) {
    if (!isPlainObject(c) || typeof c['expression'] !== 'string') return { error: 'a matchCondition has no expression' };
    const name = typeof c['name'] === 'string' ? c['name'] : '';
    const compiled = compileRule({ rule: c['expression'] });
    if (!compiled.program) return { error: `matchCondition ${JSON.stringify(name)} cannot be evaluated: ${compiled.unsupported ?? 'unknown'}` };
    const r = compiled.program(bindings);
    if (isCelError(r)) return { error: `matchCondition ${JSON.stringify(name)}: ${r.message}` };
    if (r !== true) return { match: false };
  }
  return { match: true };
}
