/**
 * @module The PodSecurity admission plugin (k8s.io/pod-security-admission): a namespace's labels
 * `pod-security.kubernetes.io/{enforce,audit,warn}` name a level (privileged, baseline,
 * restricted) and `-version` labels a policy version (`latest` or `v1.N`). Pods that violate the
 * enforce level are refused (403 `violates PodSecurity "restricted:latest": ...`); pods and pod
 * templates of workloads that violate the warn level (the enforce level when warn is unset)
 * get Warning headers; tightening a namespace's enforce level warns about existing pods. An
 * unreadable label value fails closed (restricted) for pods and is refused (422) on namespaces.
 * An admission configuration file may set cluster-wide defaults for unlabelled modes and exempt
 * usernames, namespaces and runtime classes. When the request is audited, its audit event gets
 * the enforced policy and what the audit level would refuse (`pod-security.kubernetes.io/...`).
 */
import { getPath, isPlainObject, jsonEqual, type KubeObject } from '../../../../api/meta/object.js';
import { fieldErrors, invalidError } from '../../../../api/validation/field-errors.js';
import type { AdmissionAttributes, Operation, ValidatingPlugin } from '../../admission.js';
import { forbidden } from '../forbidden.js';
import { checkPod, formatViolations, type Level } from './checks.js';

const PREFIX = 'pod-security.kubernetes.io/';
const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];
const LATEST = 1000;
const VERSION = /^v1\.(0|[1-9][0-9]*)$/;

export interface PolicyLevel {
  readonly level: Level;
  /** 1.N policy version; LATEST for "latest" (and newer versions). */
  readonly minor: number;
  readonly label: string;
}

/** Reads one mode's level and version from namespace labels; `errors` collects bad values. */
function readMode(labels: Readonly<Record<string, string>>, mode: 'enforce' | 'audit' | 'warn', errors: { field: string; value: string; message: string }[]): PolicyLevel | undefined {
  const lv = labels[`${PREFIX}${mode}`];
  const ver = labels[`${PREFIX}${mode}-version`];
  if (lv === undefined) return undefined;
  let level = lv as Level;
  if (!LEVELS.includes(level)) {
    errors.push({ field: `metadata.labels[${PREFIX}${mode}]`, value: lv, message: `must be one of ${LEVELS.join(', ')}` });
    level = 'restricted';
  }
  let minor = LATEST;
  let label = 'latest';
  if (ver !== undefined && ver !== 'latest') {
    const m = VERSION.exec(ver);
    if (!m) errors.push({ field: `metadata.labels[${PREFIX}${mode}-version]`, value: ver, message: 'must be "latest" or "v1.x"' });
    else if (Number(m[1]) < 33) { minor = Number(m[1]); label = ver; }
  }
  return { level, minor, label: `${level}:${label}` };
}

/** The cluster-wide defaults and exemptions (a PodSecurityConfiguration in the admission configuration file). */
export interface PodSecurityConfig {
  readonly enforce: { readonly level: string; readonly version: string };
  readonly audit: { readonly level: string; readonly version: string };
  readonly warn: { readonly level: string; readonly version: string };
  readonly exemptions: { readonly usernames: readonly string[]; readonly namespaces: readonly string[]; readonly runtimeClasses: readonly string[] };
}

/** The enforce and warn policies of a namespace (warn defaults to a stricter enforce level). */
export function namespacePolicy(labels: Readonly<Record<string, string>> = {}, config?: PodSecurityConfig): { enforce?: PolicyLevel; warn?: PolicyLevel; audit?: PolicyLevel; errors: { field: string; value: string; message: string }[] } {
  const errors: { field: string; value: string; message: string }[] = [];
  // A mode the namespace labels is its own; an unlabelled one takes the configured default
  // (checked when the file was read), with the namespace's version label if it has one.
  const mode = (m: 'enforce' | 'audit' | 'warn'): PolicyLevel | undefined => {
    const own = readMode(labels, m, errors);
    if (own || !config) return own;
    return readMode({ [`${PREFIX}${m}`]: config[m].level, [`${PREFIX}${m}-version`]: labels[`${PREFIX}${m}-version`] ?? config[m].version }, m, []);
  };
  const enforce = mode('enforce');
  const audit = mode('audit');
  let warn = mode('warn');
  if ((!warn || warn.level === 'privileged') && enforce && enforce.level !== 'privileged') warn = enforce;
  return { ...(enforce ? { enforce } : {}), ...(warn ? { warn } : {}), ...(audit ? { audit } : {}), errors };
}

/** Where a workload keeps its pod template. */
const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  '/replicationcontrollers': ['spec', 'template'], '/podtemplates': ['template'],
  'apps/deployments': ['spec', 'template'], 'apps/replicasets': ['spec', 'template'], 'apps/statefulsets': ['spec', 'template'],
  'apps/daemonsets': ['spec', 'template'], 'batch/jobs': ['spec', 'template'], 'batch/cronjobs': ['spec', 'jobTemplate', 'spec', 'template'],
};

function violations(p: PolicyLevel | undefined, meta: unknown, spec: unknown): string | undefined {
  if (!p || !isPlainObject(spec)) return undefined;
  const vs = checkPod(p.level, p.minor, (isPlainObject(meta) ? meta : {}) as KubeObject['metadata'], spec);
  return vs.length ? formatViolations(vs) : undefined;
}

/** Spec without the fields a pod update may change freely (images, tolerations, deadline). */
function securityRelevant(pod: KubeObject | undefined): unknown {
  const spec = structuredClone(pod?.['spec'] ?? {}) as Record<string, unknown>;
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    const cs = spec[key];
    if (Array.isArray(cs)) for (const c of cs) if (isPlainObject(c)) delete c['image'];
  }
  delete spec['tolerations'];
  delete spec['activeDeadlineSeconds'];
  return spec;
}

export interface PodSecurityOptions {
  /** Labels of a namespace (undefined when it does not exist). */
  readonly namespaceLabels: (name: string) => Promise<Readonly<Record<string, string>> | undefined>;
  /** Pods of a namespace (for warnings when its enforce level tightens). */
  readonly pods: (namespace: string) => readonly KubeObject[];
  readonly config?: PodSecurityConfig;
}

export function podSecurity(o: PodSecurityOptions): ValidatingPlugin {
  const config = o.config;
  const exempt = (a: AdmissionAttributes, spec: unknown): boolean => {
    if (!config) return false;
    const x = config.exemptions;
    if (a.user && x.usernames.includes(a.user.name)) return true;
    if (a.namespace && x.namespaces.includes(a.namespace)) return true;
    const rc = isPlainObject(spec) ? spec['runtimeClassName'] : undefined;
    return typeof rc === 'string' && x.runtimeClasses.includes(rc);
  };
  const checkNamespace = (a: AdmissionAttributes) => {
    const labels = a.object?.metadata.labels ?? {};
    const policy = namespacePolicy(labels, config);
    if (policy.errors.length) {
      throw invalidError('Namespace', '', a.name, policy.errors.map((e) => fieldErrors.invalid(e.field, e.value, e.message)));
    }
    if (config?.exemptions.namespaces.includes(a.name)) return;
    const before = namespacePolicy(a.oldObject?.metadata.labels ?? {}, config).enforce;
    const after = policy.enforce;
    if (!after || after.level === 'privileged' || jsonEqual(before, after) || !a.warnings) return;
    const byReason = new Map<string, string[]>();
    for (const pod of o.pods(a.name)) {
      const v = violations(after, pod.metadata, pod['spec']);
      if (v) byReason.set(v, [...(byReason.get(v) ?? []), pod.metadata.name ?? '']);
    }
    if (!byReason.size) return;
    a.warnings.push(`existing pods in namespace ${JSON.stringify(a.name)} violate the new PodSecurity enforce level ${JSON.stringify(after.label)}`);
    for (const [reason, pods] of byReason) {
      const others = pods.length - 1;
      a.warnings.push(`${pods[0] ?? ''}${others ? ` (and ${others} other pod${others === 1 ? '' : 's'})` : ''}: ${reason.replace(/ \([^)]*\)/g, '')}`);
    }
  };

  return {
    name: 'PodSecurity',
    handles: (op: Operation) => op === 'CREATE' || op === 'UPDATE',
    async validate(a) {
      if (a.group === '' && a.resource === 'namespaces' && !a.subresource) return checkNamespace(a);
      const key = `${a.group}/${a.resource}`;
      const isPod = key === '/pods' && (!a.subresource || a.subresource === 'ephemeralcontainers');
      const templatePath = TEMPLATE_PATHS[key];
      if ((!isPod && !templatePath) || (templatePath && a.subresource) || !a.object || !a.namespace) return;
      const labels = await o.namespaceLabels(a.namespace);
      if (!labels) return;
      const policy = namespacePolicy(labels, config);
      const spec = isPod ? a.object['spec'] : getPath(getPath(a.object, templatePath ?? []), ['spec']);
      if (exempt(a, spec)) return;
      const notes = a.auditAnnotations;
      const meta = isPod ? a.object.metadata : getPath(getPath(a.object, templatePath ?? []), ['metadata']);
      if (notes) {
        // As upstream: the policy enforced, and what the audit level would refuse, go to the audit event.
        if (isPod) notes['pod-security.kubernetes.io/enforce-policy'] = policy.enforce?.label ?? 'privileged:latest';
        const audited = violations(policy.audit, meta, spec);
        if (audited && policy.audit) notes['pod-security.kubernetes.io/audit-violations'] = `would violate PodSecurity ${JSON.stringify(policy.audit.label)}: ${audited}`;
      }
      if (isPod) {
        if (a.operation === 'UPDATE' && jsonEqual(securityRelevant(a.object), securityRelevant(a.oldObject))) return;
        const denied = violations(policy.enforce, a.object.metadata, a.object['spec']);
        if (denied && policy.enforce) throw forbidden(a, `violates PodSecurity ${JSON.stringify(policy.enforce.label)}: ${denied}`);
        const warned = violations(policy.warn, a.object.metadata, a.object['spec']);
        if (warned && policy.warn) a.warnings?.push(`would violate PodSecurity ${JSON.stringify(policy.warn.label)}: ${warned}`);
        return;
      }
      const template = getPath(a.object, templatePath ?? []);
      const warned = violations(policy.warn, getPath(template, ['metadata']), getPath(template, ['spec']));
      if (warned && policy.warn) a.warnings?.push(`would violate PodSecurity ${JSON.stringify(policy.warn.label)}: ${warned}`);
    },
  };
}
