/**
 * @module `--kube-apiserver-arg` (k3s's pass-through to kube-apiserver): the keys k3ts's API
 * server honours, read as kube-apiserver reads them, into ApiServerArgsConfig. Today:
 * `admission-control-config-file` (an AdmissionConfiguration whose PodSecurity plugin sets
 * cluster-wide defaults and exemptions, as k3s's hardening guide uses it) and the
 * DefaultTolerationSeconds plugin's `default-not-ready-toleration-seconds` and
 * `default-unreachable-toleration-seconds`, and the audit log (`audit-policy-file`,
 * `audit-log-path`, `-maxage`, `-maxbackup`, `-maxsize`, `-format=json`). Any other key is
 * refused, naming it.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseAuditPolicy } from '../apiserver/audit/policy.js';
import type { ApiServerArgsConfig, AuditArgs, PodSecurityDefaults } from '../server/config.js';
import { badValue, type FlagSettings, type ValueOrigin, splitPassthroughArg } from './settings.js';

const FLAG = 'kube-apiserver-arg';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Omit<Mutable<ApiServerArgsConfig>, 'audit'> & { audit: Mutable<AuditArgs> | undefined };
type Fail = (problem: string) => never;
type Apply = (d: Draft, value: string, fail: Fail, readFile: (path: string) => string) => void;

/** A non-negative integer (seconds, days, counts, MB), as pflag's Int and Int64 flags parse it. */
function nonNegative(value: string, fail: Fail): number {
  const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) fail(`"${value}" is not an integer`);
  if (n < 0) fail(`${n}: may not be negative`);
  return n;
}

/** The audit settings being filled, made on first use. */
const audit = (d: Draft): Mutable<AuditArgs> =>
  (d.audit ??= { logPath: undefined, policyFile: undefined, policy: undefined, maxAgeDays: 0, maxBackups: 0, maxSizeMb: 0 });

const KEYS: Readonly<Record<string, Apply>> = {
  'audit-log-path': (d, v, fail) => { if (!v) fail('needs a file path or -'); audit(d).logPath = v; },
  'audit-policy-file': (d, v, fail, readFile) => {
    const doc = readYaml(v, readFile, fail);
    try {
      audit(d).policy = parseAuditPolicy(doc);
    } catch (err) {
      fail(`${v}: ${err instanceof Error ? err.message : String(err)}`);
    }
    audit(d).policyFile = v;
  },
  'audit-log-maxage': (d, v, fail) => { audit(d).maxAgeDays = nonNegative(v, fail); },
  'audit-log-maxbackup': (d, v, fail) => { audit(d).maxBackups = nonNegative(v, fail); },
  'audit-log-maxsize': (d, v, fail) => { audit(d).maxSizeMb = nonNegative(v, fail); },
  'audit-log-format': (_d, v, fail) => { if (v !== 'json') fail(`"${v}": k3ts writes the json format only`); },
  'admission-control-config-file': (d, v, fail, readFile) => {
    d.admissionControlConfigFile = v;
    d.podSecurity = readAdmissionConfig(v, readFile, fail);
  },
  'default-not-ready-toleration-seconds': (d, v, fail) => { d.notReadyTolerationSeconds = nonNegative(v, fail); },
  'default-unreachable-toleration-seconds': (d, v, fail) => { d.unreachableTolerationSeconds = nonNegative(v, fail); },
};

/** The keys `--kube-apiserver-arg` accepts, sorted. */
export const API_SERVER_KEYS: readonly string[] = Object.keys(KEYS).sort();

/** Reads --kube-apiserver-arg into the API server's settings; `readFile` reads the files it names. */
export function resolveApiServerArgs(s: FlagSettings, readFile: (path: string) => string): ApiServerArgsConfig {
  const d: Draft = { admissionControlConfigFile: undefined, podSecurity: undefined, notReadyTolerationSeconds: undefined, unreachableTolerationSeconds: undefined, audit: undefined };
  for (const it of s.list(FLAG).items) {
    const { key, value } = splitPassthroughArg(it.value.trim());
    const apply = KEYS[key];
    const origin: ValueOrigin = { name: FLAG, source: it.source };
    if (!apply) throw badValue(origin, `"${it.value}": k3ts's API server does not take ${key ? `--${key}` : 'an empty flag'}; it takes ${API_SERVER_KEYS.join(', ')}`);
    apply(d, value, (problem) => { throw badValue(origin, `${key}: ${problem}`); }, readFile);
  }
  return d;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ADMISSION_VERSIONS = ['apiserver.config.k8s.io/v1', 'apiserver.config.k8s.io/v1alpha1', 'apiserver.k8s.io/v1alpha1'];
const PSA_VERSIONS = ['pod-security.admission.config.k8s.io/v1', 'pod-security.admission.config.k8s.io/v1beta1', 'pod-security.admission.config.k8s.io/v1alpha1'];
const LEVELS = ['privileged', 'baseline', 'restricted'];

function readYaml(path: string, readFile: (path: string) => string, fail: Fail): Obj {
  let text: string;
  try {
    text = readFile(path);
  } catch (err) {
    return fail(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return fail(`${path} is not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isObj(doc)) return fail(`${path} does not hold an object`);
  return doc;
}

/** Reads an AdmissionConfiguration file: only the PodSecurity plugin's configuration is taken. */
function readAdmissionConfig(path: string, readFile: (path: string) => string, fail: Fail): PodSecurityDefaults | undefined {
  const doc = readYaml(path, readFile, fail);
  if (doc['kind'] !== 'AdmissionConfiguration' || !ADMISSION_VERSIONS.includes(String(doc['apiVersion']))) {
    return fail(`${path}: expected kind AdmissionConfiguration of ${ADMISSION_VERSIONS.join(' or ')}, found ${String(doc['apiVersion'])} ${String(doc['kind'])}`);
  }
  const plugins = doc['plugins'] ?? [];
  if (!Array.isArray(plugins)) return fail(`${path}: plugins must be a list`);
  let out: PodSecurityDefaults | undefined;
  for (const [i, p] of plugins.entries()) {
    if (!isObj(p)) return fail(`${path}: plugins[${i}] must be an object`);
    if (p['name'] !== 'PodSecurity') return fail(`${path}: plugins[${i}]: k3ts reads only the PodSecurity plugin's configuration, not ${JSON.stringify(p['name'])}'s`);
    let conf = p['configuration'];
    if (conf === undefined && typeof p['path'] === 'string') {
      const file = isAbsolute(p['path']) ? p['path'] : join(dirname(path), p['path']);
      conf = readYaml(file, readFile, fail);
    }
    if (!isObj(conf)) return fail(`${path}: plugins[${i}] (PodSecurity) needs a configuration or a path`);
    out = podSecurityConfiguration(conf, `${path}: plugins[${i}].configuration`, fail);
  }
  return out;
}

function podSecurityConfiguration(c: Obj, where: string, fail: Fail): PodSecurityDefaults {
  if (c['kind'] !== 'PodSecurityConfiguration' || !PSA_VERSIONS.includes(String(c['apiVersion']))) {
    return fail(`${where}: expected kind PodSecurityConfiguration of ${PSA_VERSIONS.join(' or ')}, found ${String(c['apiVersion'])} ${String(c['kind'])}`);
  }
  const defaults = c['defaults'] ?? {};
  if (!isObj(defaults)) return fail(`${where}.defaults must be an object`);
  const mode = (m: 'enforce' | 'audit' | 'warn'): { level: string; version: string } => {
    const level = defaults[m] ?? 'privileged';
    const version = defaults[`${m}-version`] ?? 'latest';
    if (typeof level !== 'string' || !LEVELS.includes(level)) return fail(`${where}.defaults.${m}: ${JSON.stringify(level)} must be one of ${LEVELS.join(', ')}`);
    if (typeof version !== 'string' || !/^(latest|v1\.(0|[1-9][0-9]*))$/.test(version)) return fail(`${where}.defaults.${m}-version: ${JSON.stringify(version)} must be "latest" or "v1.x"`);
    return { level, version };
  };
  const ex = c['exemptions'] ?? {};
  if (!isObj(ex)) return fail(`${where}.exemptions must be an object`);
  const names = (k: string): string[] => {
    const v = ex[k] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) return fail(`${where}.exemptions.${k} must be a list of non-empty strings`);
    return v as string[];
  };
  return {
    enforce: mode('enforce'), audit: mode('audit'), warn: mode('warn'),
    exemptions: { usernames: names('usernames'), namespaces: names('namespaces'), runtimeClasses: names('runtimeClasses') },
  };
}
