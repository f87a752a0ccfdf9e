/**
 * @module What a request path asks for (kube-apiserver's RequestInfoFactory): discovery paths,
 * or a resource request with its verb, group, version, namespace, resource, name and
 * subresource. Handles `/api/v1/namespaces/<ns>/...`, the namespaces resource itself
 * (`/api/v1/namespaces/<ns>/status|finalize`), and the deprecated `/watch/` prefix.
 */

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceRequest {
  readonly kind: 'resource';
  readonly verb: Verb;
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespace: string;
  readonly resource: string;
  readonly name: string;
  readonly subresource: string;
  /** Path segments after the subresource (pods/proxy/<path>). */
  readonly rest: readonly string[];
}

export type RequestInfo =
  /** `/api`: the core versions. */
  | { readonly kind: 'api' }
  /** `/apis`: every named group. */
  | { readonly kind: 'apis' }
  /** `/apis/<group>`. */
  | { readonly kind: 'group'; readonly group: string }
  /** `/api/v1` or `/apis/<group>/<version>`. */
  | { readonly kind: 'groupVersion'; readonly group: string; readonly version: string }
  | ResourceRequest
  | { readonly kind: 'other' };

function verbFor(method: string, hasName: boolean, watchParam: boolean): Verb | undefined {
  switch (method) {
    case 'GET': case 'HEAD':
      return watchParam ? 'watch' : hasName ? 'get' : 'list';
    case 'POST': return 'create';
    case 'PUT': return 'update';
    case 'PATCH': return 'patch';
    case 'DELETE': return hasName ? 'delete' : 'deletecollection';
    default: return undefined;
  }
}

/** Parses `path` (without the query) for `method`; `watchParam` is `watch=true|1` in the query. */
export function parseRequestInfo(method: string, path: string, watchParam: boolean): RequestInfo | { kind: 'badMethod' } {
  const parts = path.split('/').filter((p, i) => i > 0 || p !== '').filter((p) => p !== '');
  let i = 0;
  let group: string;
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'api' };
    group = '';
    i = 1;
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'apis' };
    group = parts[1] ?? '';
    if (parts.length === 2) return { kind: 'group', group };
    i = 2;
  } else {
    return { kind: 'other' };
  }
  const version = parts[i] ?? '';
  i++;
  if (parts.length === i) return { kind: 'groupVersion', group, version };
  let rest = parts.slice(i).map(decodeSegment);
  let watch = watchParam;
  if (rest[0] === 'watch') {
    watch = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  let resource: string;
  let name = '';
  let subresource = '';
  let extra: string[] = [];
  if (rest[0] === 'namespaces' && rest.length >= 2) {
    namespace = rest[1] ?? '';
    if (rest.length === 2 || (rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
      // The namespace object itself: /namespaces/<name>[/status|/finalize].
      resource = 'namespaces';
      name = namespace;
      namespace = '';
      subresource = rest[2] ?? '';
    } else {
      resource = rest[2] ?? '';
      name = rest[3] ?? '';
      subresource = rest[4] ?? '';
      extra = rest.slice(5);
    }
  } else {
    resource = rest[0] ?? '';
    name = rest[1] ?? '';
    subresource = rest[2] ?? '';
    extra = rest.slice(3);
  }
  const verb = verbFor(method, name !== '', watch);
  if (!verb) return { kind: 'badMethod' };
  return { kind: 'resource', verb, group, version, namespace, resource, name, subresource, rest: extra };
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
