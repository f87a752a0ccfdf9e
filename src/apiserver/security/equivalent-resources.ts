/**
 * @module kube-apiserver's EquivalentResourceRegistry over the served resources: resources whose
 * stores share a storage prefix are the same resource served in several shapes (autoscaling/v1
 * and v2 HorizontalPodAutoscalers, core and events.k8s.io Events, every served version of a
 * CRD), and an object moves between them through the stored form with their codecs' conversions.
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { EquivalentResource, GroupVersionResource } from '../admission/webhooks/matching.js';
import type { EquivalentResourceMapper } from '../admission/webhooks/versioned.js';
import type { ResourceRegistry, ServedResource } from '../registry/resources.js';

/** The kind `s` reads and writes at `subresource`, or undefined when it does not serve it. */
function kindAt(s: ServedResource, subresource: string): EquivalentResource['kind'] | undefined {
  const d = s.def;
  if (!subresource) return { group: d.group, version: d.version, kind: d.kind };
  const sub = s.subresources.get(subresource);
  return sub ? { ...sub.kind } : undefined;
}

export function equivalentResources(registry: ResourceRegistry): EquivalentResourceMapper {
  let generation = -1;
  let byPrefix = new Map<string, ServedResource[]>();
  // Kubernetes keys the registry by storage prefix (genericapiserver Config.Complete); rebuilt when resources change.
  const index = () => {
    if (generation === registry.generation) return byPrefix;
    byPrefix = new Map();
    for (const s of registry.all()) {
      const list = byPrefix.get(s.store.prefix);
      if (list) list.push(s);
      else byPrefix.set(s.store.prefix, [s]);
    }
    generation = registry.generation;
    return byPrefix;
  };
  const served = (r: GroupVersionResource) => registry.get(r.group, r.version, r.resource);
  return {
    equivalentsOf(r, subresource) {
      const own = served(r);
      if (!own) return [];
      return (index().get(own.store.prefix) ?? []).flatMap((s) => {
        const kind = kindAt(s, subresource);
        return kind ? [{ group: s.def.group, version: s.def.version, resource: s.def.plural, kind }] : [];
      });
    },
    convert(obj, from, to) {
      const f = served(from), t = served(to);
      const copy = structuredClone(obj);
      const fromVersion = f?.def.group ? `${f.def.group}/${f.def.version}` : f?.def.version;
      if (!f || !t || obj.apiVersion !== fromVersion) return copy;
      const stored: KubeObject = f.store.codec.conversion?.toStorage(copy) ?? copy;
      return t.store.codec.conversion?.fromStorage(stored) ?? stored;
    },
  };
}
