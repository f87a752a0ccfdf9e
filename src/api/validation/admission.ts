/**
 * @module admissionregistration.k8s.io/v1 validation (pkg/apis/admissionregistration/validation):
 * webhook configurations (fully qualified unique names, rules, failure and match policies, side
 * effects, timeouts, selectors, clientConfig url xor service, admission review versions, match
 * conditions) and ValidatingAdmissionPolicies with their bindings (in outline: the CEL expressions
 * themselves are not compiled here).
 */
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkEnum, list, obj, str } from './helpers.js';
import { validateLabelSelector } from './label-selector.js';
import { isDNS1035Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from './names.js';

type Obj = Record<string, unknown>;
const set = (v: unknown): boolean => v !== undefined && v !== null;
const REVIEW_VERSIONS = ['v1', 'v1beta1'];

/** A webhook's name: a DNS subdomain with at least three segments. */
function validateFullyQualified(errs: FieldError[], name: string, path: FieldPath): void {
  if (!name) return void errs.push(fieldErrors.required(path));
  const msgs = isDNS1123Subdomain(name);
  if (msgs.length) return void errs.push(fieldErrors.invalid(path, name, msgs.join(',')));
  if (name.split('.').length < 3) errs.push(fieldErrors.invalid(path, name, 'should be a domain with at least three segments separated by dots'));
}

function validateResources(errs: FieldError[], resources: string[], path: FieldPath): void {
  if (resources.length === 0) errs.push(fieldErrors.required(path));
  const withWildSub = new Set<string>();
  const subWithWildRes = new Set<string>();
  let double = false;
  let single = false;
  let plain = false;
  resources.forEach((r, i) => {
    if (!r) return void errs.push(fieldErrors.required(path.index(i)));
    if (r === '*/*') double = true;
    if (r === '*') single = true;
    const at = r.indexOf('/');
    if (at < 0) {
      plain = r !== '*';
      return;
    }
    const res = r.slice(0, at);
    const sub = r.slice(at + 1);
    if (withWildSub.has(res)) errs.push(fieldErrors.invalid(path.index(i), r, `if '${res}/*' is present, must not specify ${r}`));
    if (subWithWildRes.has(sub)) errs.push(fieldErrors.invalid(path.index(i), r, `if '*/${sub}' is present, must not specify ${r}`));
    if (sub === '*') withWildSub.add(res);
    if (res === '*') subWithWildRes.add(sub);
  });
  if (resources.length > 1 && double) errs.push(fieldErrors.invalid(path, go.stringSlice(resources), "if '*/*' is present, must not specify other resources"));
  if (single && plain) errs.push(fieldErrors.invalid(path, go.stringSlice(resources), "if '*' is present, must not specify other resources without subresources"));
}

/** A rule with operations (webhooks, policy match constraints). */
export function validateRuleWithOperations(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const r = obj(raw);
  const ops = list(r['operations']).map(str);
  if (ops.length === 0) errs.push(fieldErrors.required(path.child('operations')));
  if (ops.length > 1 && ops.includes('*')) errs.push(fieldErrors.invalid(path.child('operations'), go.stringSlice(ops, 'admissionregistration.OperationType'), "if '*' is present, must not specify other operations"));
  ops.forEach((o, i) => checkEnum(errs, path.child('operations').index(i), o, ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'], true));
  const groups = list(r['apiGroups']).map(str);
  if (groups.length === 0) errs.push(fieldErrors.required(path.child('apiGroups')));
  if (groups.length > 1 && groups.includes('*')) errs.push(fieldErrors.invalid(path.child('apiGroups'), go.stringSlice(groups), "if '*' is present, must not specify other API groups"));
  const versions = list(r['apiVersions']).map(str);
  if (versions.length === 0) errs.push(fieldErrors.required(path.child('apiVersions')));
  if (versions.length > 1 && versions.includes('*')) errs.push(fieldErrors.invalid(path.child('apiVersions'), go.stringSlice(versions), "if '*' is present, must not specify other API versions"));
  versions.forEach((v, i) => { if (!v) errs.push(fieldErrors.required(path.child('apiVersions').index(i))); });
  validateResources(errs, list(r['resources']).map(str), path.child('resources'));
  if (set(r['scope'])) checkEnum(errs, path.child('scope'), r['scope'], ['*', 'Cluster', 'Namespaced'], true);
}

const URL_FORM = '; desired format: https://host[/path]';

function validateClientConfig(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const cc = obj(raw);
  const hasUrl = typeof cc['url'] === 'string';
  const hasSvc = set(cc['service']);
  if (hasUrl === hasSvc) return void errs.push(fieldErrors.required(path, 'exactly one of url or service is required'));
  if (hasUrl) {
    const up = path.child('url');
    let u: URL;
    try {
      u = new URL(str(cc['url']));
    } catch (e) {
      return void errs.push(fieldErrors.required(up, `url must be a valid URL: parse ${JSON.stringify(str(cc['url']))}: ${(e as Error).message}${URL_FORM}`));
    }
    if (u.protocol !== 'https:') errs.push(fieldErrors.invalid(up, u.protocol.replace(/:$/, ''), `'https' is the only allowed URL scheme${URL_FORM}`));
    if (!u.host) errs.push(fieldErrors.invalid(up, u.host, `host must be specified${URL_FORM}`));
    if (u.username || u.password) errs.push(fieldErrors.invalid(up, u.password ? `${u.username}:${u.password}` : u.username, 'user information is not permitted in the URL'));
    if (u.hash) errs.push(fieldErrors.invalid(up, u.hash.slice(1), 'fragments are not permitted in the URL'));
    if (u.search) errs.push(fieldErrors.invalid(up, u.search.slice(1), 'query parameters are not permitted in the URL'));
    return;
  }
  const s = obj(cc['service']);
  const sp = path.child('service');
  if (!str(s['name'])) errs.push(fieldErrors.required(sp.child('name'), 'service name is required'));
  if (!str(s['namespace'])) errs.push(fieldErrors.required(sp.child('namespace'), 'service namespace is required'));
  const port = typeof s['port'] === 'number' ? s['port'] : 443;
  const pm = isValidPortNum(port);
  if (pm.length) errs.push(fieldErrors.invalid(sp.child('port'), port, `port is not valid: ${pm.join(', ')}`));
  if (typeof s['path'] !== 'string') return;
  const p = s['path'];
  const pp = sp.child('path');
  if (p === '/' || p === '') return;
  if (p === '//') return void errs.push(fieldErrors.invalid(pp, p, 'segment[0] may not be empty'));
  if (!p.startsWith('/')) errs.push(fieldErrors.invalid(pp, p, "must start with a '/'"));
  let rest = p.slice(1);
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  rest.split('/').forEach((step, i) => {
    if (!step) return void errs.push(fieldErrors.invalid(pp, p, `segment[${i}] may not be empty`));
    for (const m of isDNS1123Subdomain(step)) errs.push(fieldErrors.invalid(pp, p, `segment[${i}]: ${m}`));
  });
}

function validateMatchConditions(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const conds = list(raw);
  if (conds.length > 64) errs.push(fieldErrors.tooMany(path, conds.length, 64));
  const names = new Set<string>();
  conds.forEach((c, i) => {
    const p = path.index(i);
    const name = str(obj(c)['name']);
    if (!name) errs.push(fieldErrors.required(p.child('name')));
    else for (const m of isQualifiedName(name)) errs.push(fieldErrors.invalid(p.child('name'), name, m));
    if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    names.add(name);
    if (!str(obj(c)['expression'])) errs.push(fieldErrors.required(p.child('expression')));
  });
}

function validateReviewVersions(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const versions = list(raw).map(str);
  if (versions.length === 0) return void errs.push(fieldErrors.required(path, `must specify one of ${REVIEW_VERSIONS.join(', ')}`));
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v)) return void errs.push(fieldErrors.invalid(path.index(i), v, 'duplicate version'));
    seen.add(v);
    for (const m of isDNS1035Label(v)) errs.push(fieldErrors.invalid(path.index(i), v, m));
  });
  if (!versions.some((v) => REVIEW_VERSIONS.includes(v))) errs.push(fieldErrors.invalid(path, go.stringSlice(versions), `must include at least one of ${REVIEW_VERSIONS.join(', ')}`));
}

/** A Validating- or MutatingWebhookConfiguration. */
export function validateWebhookConfiguration(cfg: Obj, mutating: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(cfg['webhooks']).forEach((raw, i) => {
    const h = obj(raw);
    const p = FieldPath.root('webhooks').index(i);
    const name = str(h['name']);
    validateFullyQualified(errs, name, p.child('name'));
    list(h['rules']).forEach((r, j) => validateRuleWithOperations(errs, r, p.child('rules').index(j)));
    if (set(h['failurePolicy'])) checkEnum(errs, p.child('failurePolicy'), h['failurePolicy'], ['Fail', 'Ignore'], true);
    if (set(h['matchPolicy'])) checkEnum(errs, p.child('matchPolicy'), h['matchPolicy'], ['Equivalent', 'Exact'], true);
    // The v1 API accepts only webhooks without side effects (or none on dry run).
    if (!set(h['sideEffects'])) errs.push(fieldErrors.required(p.child('sideEffects'), 'must specify one of None, NoneOnDryRun'));
    else checkEnum(errs, p.child('sideEffects'), h['sideEffects'], ['None', 'NoneOnDryRun'], true);
    const t = h['timeoutSeconds'];
    if (typeof t === 'number' && (t > 30 || t < 1)) errs.push(fieldErrors.invalid(p.child('timeoutSeconds'), t, 'the timeout value must be between 1 and 30 seconds'));
    validateLabelSelector(errs, h['namespaceSelector'], p.child('namespaceSelector'));
    validateLabelSelector(errs, h['objectSelector'], p.child('objectSelector'));
    if (mutating && set(h['reinvocationPolicy'])) checkEnum(errs, p.child('reinvocationPolicy'), h['reinvocationPolicy'], ['IfNeeded', 'Never'], true);
    validateClientConfig(errs, h['clientConfig'], p.child('clientConfig'));
    validateMatchConditions(errs, h['matchConditions'], p.child('matchConditions'));
    validateReviewVersions(errs, h['admissionReviewVersions'], p.child('admissionReviewVersions'));
    if (name) {
      if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
      names.add(name);
    }
  });
  return errs;
}

const SPEC = FieldPath.root('spec');

export function validateAdmissionPolicy(p: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(p['spec']);
  if (set(s['failurePolicy'])) checkEnum(errs, SPEC.child('failurePolicy'), s['failurePolicy'], ['Fail', 'Ignore'], true);
  const mc = s['matchConstraints'];
  if (!set(mc)) errs.push(fieldErrors.required(SPEC.child('matchConstraints'), ''));
  else {
    const mp = SPEC.child('matchConstraints');
    const rules = list(obj(mc)['resourceRules']);
    if (rules.length === 0) errs.push(fieldErrors.required(mp.child('resourceRules'), ''));
    rules.forEach((r, i) => validateRuleWithOperations(errs, r, mp.child('resourceRules').index(i)));
  }
  const validations = list(s['validations']);
  const audits = list(s['auditAnnotations']);
  if (validations.length === 0 && audits.length === 0) errs.push(fieldErrors.required(SPEC.child('validations'), 'validations or auditAnnotations must contain at least one item'));
  validations.forEach((v, i) => { if (!str(obj(v)['expression'])) errs.push(fieldErrors.required(SPEC.child('validations').index(i).child('expression'))); });
  validateMatchConditions(errs, s['matchConditions'], SPEC.child('matchConditions'));
  return errs;
}

export function validateAdmissionPolicyBinding(b: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(b['spec']);
  if (!str(s['policyName'])) errs.push(fieldErrors.required(SPEC.child('policyName')));
  const actions = list(s['validationActions']).map(str);
  const ap = SPEC.child('validationActions');
  if (actions.length === 0) errs.push(fieldErrors.required(ap, 'at least one validation action is required'));
  const seen = new Set<string>();
  actions.forEach((a, i) => {
    checkEnum(errs, ap.index(i), a, ['Audit', 'Deny', 'Warn'], true);
    if (seen.has(a)) errs.push(fieldErrors.duplicate(ap.index(i), a));
    seen.add(a);
  });
  if (seen.has('Deny') && seen.has('Warn')) errs.push(fieldErrors.invalid(ap, go.stringSlice(actions, 'admissionregistration.ValidationAction'), 'must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)'));
  return errs;
}
