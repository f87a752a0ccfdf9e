/**
 * @module The discovery documents kubectl and client libraries read: legacy APIVersions,
 * APIGroupList, APIGroup and APIResourceList, and the aggregated APIGroupDiscoveryList
 * (apidiscovery.k8s.io v2 and v2beta1, identical in shape). Built from the group layout.
 */
import { createHash } from 'node:crypto';
import type { ResourceDef } from '../../api/schema/types.js';
import type { GroupLayout } from './groups.js';

const gv = (group: string, version: string) => (group ? `${group}/${version}` : version);

/** storageVersionHash: 8 bytes of sha256("group/version/kind"), base64 (as kube-apiserver computes it). */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}

export function apiVersions(serverAddress: string): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupEntry(g: GroupLayout): Record<string, unknown> {
  const versions = g.versions.map((v) => ({ groupVersion: gv(g.name, v.version), version: v.version }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(groups: readonly GroupLayout[]): unknown {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.filter((g) => g.name !== '').map(groupEntry) };
}

export function apiGroup(g: GroupLayout): unknown {
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g) };
}

/** The APIResourceList of one group-version: resources and their subresources as `pods/status`. */
export function apiResourceList(group: string, version: string, resources: readonly ResourceDef[]): unknown {
  const out: Record<string, unknown>[] = [];
  for (const r of resources) {
    const e: Record<string, unknown> = { name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: [...r.verbs] };
    if (r.shortNames?.length) e['shortNames'] = [...r.shortNames];
    if (r.categories?.length) e['categories'] = [...r.categories];
    e['storageVersionHash'] = storageVersionHash(r.group, r.version, r.kind);
    out.push(e);
    for (const s of r.subresources ?? []) {
      const se: Record<string, unknown> = { name: `${r.plural}/${s.name}`, singularName: '', namespaced: r.namespaced, kind: s.kind.kind, verbs: [...s.verbs] };
      if (s.kind.group !== r.group || s.kind.version !== r.version) {
        se['group'] = s.kind.group;
        se['version'] = s.kind.version;
      }
      out.push(se);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv(group, version), resources: out };
}

/** One group of an aggregated discovery document. */
function discoveryGroup(g: GroupLayout): Record<string, unknown> {
  return {
    metadata: g.name ? { name: g.name, creationTimestamp: null } : { creationTimestamp: null },
    versions: g.versions.map((v) => ({
      version: v.version,
      resources: v.resources.map((r) => {
        const e: Record<string, unknown> = {
          resource: r.plural, responseKind: { group: r.group, version: r.version, kind: r.kind },
          scope: r.namespaced ? 'Namespaced' : 'Cluster', singularResource: r.singular, verbs: [...r.verbs],
        };
        if (r.shortNames?.length) e['shortNames'] = [...r.shortNames];
        if (r.categories?.length) e['categories'] = [...r.categories];
        if (r.subresources?.length) {
          e['subresources'] = r.subresources.map((s) => ({ subresource: s.name, responseKind: { ...s.kind }, verbs: [...s.verbs] }));
        }
        return e;
      }),
      freshness: 'Current',
    })),
  };
}

/** The aggregated document for `/api` (core only) or `/apis` (every named group). */
export function aggregatedDiscovery(groups: readonly GroupLayout[], apiVersion: 'v2' | 'v2beta1'): unknown {
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${apiVersion}`, metadata: {}, items: groups.map(discoveryGroup) };
}
