/**
 * @module Compares the catalog's resources with the official Kubernetes v1.33 description: scope
 * and kind from resources.json, verbs and subresources from the swagger.json paths (the verbs
 * discovery derives from the same handlers). Reads the reference only to check facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog.js';
import type { ResourceDef, Verb } from '../types.js';
import { isServed, type Mismatch } from './compare-reference.js';

type Json = { readonly [k: string]: unknown };

interface RefResource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly verbs: Set<string>;
  /** name → verbs, and the kind its non-connect operations speak (connect ones name the parent). */
  readonly subs: Map<string, { verbs: Set<string>; kind?: string }>;
}

export interface ResourceReport {
  readonly resourcesExpected: number;
  readonly resourcesPresent: number;
  readonly resourcesAgreeing: number;
  readonly mismatches: readonly Mismatch[];
  /** group/version/plural of reference resources the catalog lacks. */
  readonly missing: readonly string[];
}

// Operation → discovery verb. Connect operations map by HTTP method (HEAD and OPTIONS add none).
const ACTION_VERB: Readonly<Record<string, Verb>> = {
  get: 'get', list: 'list', watch: 'watch', watchlist: 'watch', post: 'create', put: 'update',
  patch: 'patch', delete: 'delete', deletecollection: 'deletecollection',
};
const METHOD_VERB: Readonly<Record<string, Verb>> = { get: 'get', post: 'create', put: 'update', patch: 'patch', delete: 'delete' };

const key = (group: string, version: string, plural: string) => `${group}/${version}/${plural}`;
const setText = (s: Iterable<string>) => [...s].sort().join(',');

function readReference(dir: string): Map<string, RefResource> {
  const summary = JSON.parse(readFileSync(join(dir, 'resources.json'), 'utf8')) as Record<string, Json>;
  const swagger = JSON.parse(readFileSync(join(dir, 'swagger.json'), 'utf8')) as { paths: Record<string, Record<string, Json>> };
  const out = new Map<string, RefResource>();
  for (const [proto, r] of Object.entries(summary)) {
    if (!isServed(`io.k8s.${proto.replace('_apiserver', '-apiserver').replace('kube_aggregator', 'kube-aggregator')}`)) continue;
    const [group, version, plural] = [String(r['group'] ?? ''), String(r['version']), String(r['name'])];
    const subs = new Map<string, { verbs: Set<string>; kind?: string }>();
    for (const s of (r['subresources'] ?? []) as Json[]) subs.set(String(s['name']), { verbs: new Set() });
    out.set(key(group, version, plural), { group, version, plural, kind: String(r['kind']), namespaced: r['namespaced'] === true, verbs: new Set(), subs });
  }
  const pathRe = /^\/(?:api|apis\/([^/]+))\/(v[^/]+)\/(watch\/)?(?:namespaces\/\{namespace\}\/)?([a-z0-9]+)(\/\{name\}(?:\/([a-z]+)(?:\/\{path\})?)?)?$/;
  for (const [path, ops] of Object.entries(swagger.paths)) {
    const m = pathRe.exec(path);
    if (!m) continue;
    const res = out.get(key(m[1] ?? '', m[2] ?? '', m[4] ?? ''));
    if (!res) continue;
    const sub = m[6] ? res.subs.get(m[6]) : undefined;
    if (m[6] && !sub) continue;
    for (const [method, op] of Object.entries(ops)) {
      const action = op['x-kubernetes-action'];
      if (typeof action !== 'string') continue;
      const verb = action === 'connect' ? METHOD_VERB[method] : ACTION_VERB[action];
      if (!verb) continue;
      if (!sub) { res.verbs.add(verb); continue; }
      sub.verbs.add(verb);
      const gvk = op['x-kubernetes-group-version-kind'] as Json | undefined;
      if (action !== 'connect' && gvk) sub.kind = `${String(gvk['group'])}/${String(gvk['version'])}/${String(gvk['kind'])}`;
    }
  }
  return out;
}

function compareResource(r: ResourceDef, ref: RefResource, out: Mismatch[]): boolean {
  const before = out.length;
  const where = key(r.group, r.version, r.plural);
  if (r.kind !== ref.kind) out.push({ where, what: `kind ${r.kind}, reference has ${ref.kind}` });
  if (r.namespaced !== ref.namespaced) out.push({ where, what: `namespaced ${r.namespaced}, reference has ${ref.namespaced}` });
  if (setText(r.verbs) !== setText(ref.verbs)) out.push({ where, what: `verbs ${setText(r.verbs)}, reference has ${setText(ref.verbs)}` });
  const subs = r.subresources ?? [];
  const names = setText(subs.map((s) => s.name));
  if (names !== setText(ref.subs.keys())) out.push({ where, what: `subresources ${names}, reference has ${setText(ref.subs.keys())}` });
  for (const s of subs) {
    const rs = ref.subs.get(s.name);
    if (!rs) continue;
    if (setText(s.verbs) !== setText(rs.verbs)) out.push({ where: `${where}/${s.name}`, what: `verbs ${setText(s.verbs)}, reference has ${setText(rs.verbs)}` });
    const kind = `${s.kind.group}/${s.kind.version}/${s.kind.kind}`;
    if (rs.kind && kind !== rs.kind) out.push({ where: `${where}/${s.name}`, what: `kind ${kind}, reference has ${rs.kind}` });
  }
  return out.length === before;
}

/** Compares the resources of `cat` with the reference in `dir` (the kubernetes-v1.33 folder). */
export function compareResources(cat: Catalog, dir: string): ResourceReport {
  const ref = readReference(dir);
  const mismatches: Mismatch[] = [];
  let present = 0, agreeing = 0;
  const declared = new Set<string>();
  // Group-versions the reference does not describe (metrics.k8s.io) cannot be checked.
  const described = new Set([...ref.values()].map((r) => `${r.group}/${r.version}`));
  for (const r of cat.resources) {
    const k = key(r.group, r.version, r.plural);
    declared.add(k);
    if (!described.has(`${r.group}/${r.version}`)) continue;
    const rr = ref.get(k);
    if (!rr) { mismatches.push({ where: k, what: 'resource not in the reference' }); continue; }
    present++;
    if (compareResource(r, rr, mismatches)) agreeing++;
  }
  const missing = [...ref.keys()].filter((k) => !declared.has(k));
  return { resourcesExpected: ref.size, resourcesPresent: present, resourcesAgreeing: agreeing, mismatches, missing };
}
