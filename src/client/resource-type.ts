/**
 * @module How the client names a resource (group, version, plural, kind, scope) and builds its
 * URL paths: `/api/v1/namespaces/ns/pods/name/status`, `/apis/apps/v1/deployments`.
 */

/** One served resource. */
export interface ResourceType {
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** Lower-case plural, as in URLs. */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** `apps/v1` or `v1`. */
export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** `/api/v1` or `/apis/<group>/<version>`. */
export function groupVersionPath(rt: ResourceType): string {
  return rt.group ? `/apis/${rt.group}/${rt.version}` : `/api/${rt.version}`;
}

export interface PathParts {
  /** Omitted (or '') for cluster-scoped resources and all-namespace lists and watches. */
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
  readonly subresource?: string | undefined;
}

/** The URL path of a collection, an object or one of its subresources. */
export function resourcePath(rt: ResourceType, parts: PathParts = {}): string {
  let p = groupVersionPath(rt);
  if (rt.namespaced && parts.namespace) p += `/namespaces/${encodeURIComponent(parts.namespace)}`;
  p += `/${rt.resource}`;
  if (parts.name !== undefined) {
    p += `/${encodeURIComponent(parts.name)}`;
    if (parts.subresource) p += `/${parts.subresource}`;
  }
  return p;
}

/** Appends a query string built from the defined values of `q`. */
export function withQuery(path: string, q: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
