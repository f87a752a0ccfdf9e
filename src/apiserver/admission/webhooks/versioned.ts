/**
 * @module The request as one webhook sees it (k8s.io/apiserver webhook/generic VersionedAttributes):
 * a webhook matched through an equivalent resource gets the object and the old object converted
 * to the version its rule named, `kind`/`resource` of that version and `requestKind`/
 * `requestResource`/`requestSubResource` of the request; a mutating webhook's patched object is
 * converted back to the request's version.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import type { GroupVersionKind } from '../../../api/schema/types.js';
import type { AdmissionAttributes } from '../admission.js';
import type { EquivalentResource, GroupVersionResource, Invocation } from './matching.js';

/** Which served resources share a storage resource, and how objects move between them. */
export interface EquivalentResourceMapper {
  /**
   * The served resources over the same storage as `r` that serve `subresource` ('' for the
   * resource itself), `r` included, in a stable order; empty when `r` is not served.
   */
  equivalentsOf(r: GroupVersionResource, subresource: string): readonly EquivalentResource[];
  /**
   * `obj`, as served by `from`, converted to what `to` serves (a new object); an object that is
   * not `from`'s own kind (a Scale of the scale subresource) is returned as it is.
   */
  convert(obj: KubeObject, from: GroupVersionResource, to: GroupVersionResource): KubeObject;
}

/** What one webhook call is about. */
export interface VersionedAttributes {
  /** The attributes at the invocation's version (the request's own on an exact match). */
  readonly attrs: AdmissionAttributes;
  readonly kind: GroupVersionKind;
  readonly resource: GroupVersionResource;
  readonly subresource: string;
  readonly requestKind: GroupVersionKind;
  readonly requestResource: GroupVersionResource;
  readonly requestSubResource: string;
  /** The object a mutating webhook patched, converted back to the request's version. */
  readonly toRequest: (o: KubeObject) => KubeObject;
}

const gvr = (a: AdmissionAttributes): GroupVersionResource => ({ group: a.group, version: a.version, resource: a.resource });

/** The attributes for `invocation`; `mapper` is needed only for an equivalent (not exact) one. */
export function versionedAttributes(a: AdmissionAttributes, invocation: Invocation, mapper: EquivalentResourceMapper | undefined): VersionedAttributes {
  const kindGv = a.kindGroupVersion ?? a;
  const request = { requestKind: { group: kindGv.group, version: kindGv.version, kind: a.kind }, requestResource: gvr(a), requestSubResource: a.subresource };
  const { kind, resource, subresource } = invocation;
  if (invocation.exact || !mapper) return { attrs: a, kind, resource, subresource, ...request, toRequest: (o) => o };
  const to = (o: KubeObject | undefined) => (o ? mapper.convert(o, request.requestResource, resource) : undefined);
  const attrs: AdmissionAttributes = {
    ...a, group: resource.group, version: resource.version, resource: resource.resource, kind: kind.kind,
    object: to(a.object), oldObject: to(a.oldObject),
  };
  return { attrs, kind, resource, subresource, ...request, toRequest: (o) => mapper.convert(o, resource, request.requestResource) };
}
