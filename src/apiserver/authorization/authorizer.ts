/**
 * @module The authorization hook of the request pipeline (Kubernetes's authorizer.Authorizer):
 * every request's attributes are put to an Authorizer before anything is read or written. The
 * default allows everything; RBAC and the Node authorizer (the security issue) implement it.
 */
import type { UserInfo } from '../registry/rest/context.js';

/** What a request wants to do (authorizer.Attributes). */
export interface AuthorizationAttributes {
  readonly user: UserInfo;
  /** get, list, watch, create, update, patch, delete, deletecollection; or the HTTP verb in lower case for paths. */
  readonly verb: string;
  readonly resourceRequest: boolean;
  readonly namespace: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
  /** The URL path, for non-resource requests. */
  readonly path: string;
  /** The raw fieldSelector of a list or watch (the Node authorizer checks `spec.nodeName=<node>`). */
  readonly fieldSelector?: string;
}

export type Decision =
  | { readonly allowed: true; readonly reason?: string }
  | { readonly allowed: false; readonly reason?: string };

/** What a user may do in a namespace (SelfSubjectRulesReview, `kubectl auth can-i --list`). */
export interface RuleList {
  readonly resourceRules: readonly { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[];
  readonly nonResourceRules: readonly { verbs: string[]; nonResourceURLs?: string[] }[];
  /** True when the authorizer could not list everything it would allow. */
  readonly incomplete: boolean;
}

export interface Authorizer {
  authorize(attrs: AuthorizationAttributes): Decision | Promise<Decision>;
  /** The rules `user` holds in `namespace`, when the authorizer can enumerate them. */
  rulesFor?(user: UserInfo, namespace: string): RuleList | Promise<RuleList>;
}

/** Allows every request (the admin-only server before RBAC exists). */
export const alwaysAllow: Authorizer = {
  authorize: () => ({ allowed: true }),
  rulesFor: () => ({
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    incomplete: false,
  }),
};

/** The 403 message Kubernetes gives a denied request. */
export function forbiddenMessage(a: AuthorizationAttributes, reason?: string): string {
  const who = `User ${JSON.stringify(a.user.name)}`;
  let msg: string;
  if (!a.resourceRequest) {
    msg = `forbidden: ${who} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  } else {
    const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
    const scope = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
    const subject = a.name ? `${qualified} ${JSON.stringify(a.name)}` : qualified;
    msg = `${subject} is forbidden: ${who} cannot ${a.verb} resource ${JSON.stringify(res)} in API group ${JSON.stringify(a.apiGroup)} ${scope}`;
  }
  return reason ? `${msg}: ${reason}` : msg;
}
