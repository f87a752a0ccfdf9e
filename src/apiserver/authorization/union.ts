/**
 * @module Several authorizers asked in turn, as kube-apiserver's union authorizer does with
 * `--authorization-mode=Node,RBAC` (k3s's setting) behind the privileged-group authorizer:
 * the first allow or deny decides; when every one has no opinion the request is denied, and the
 * reasons they gave are appended to the 403 message ("no relationship found between node ...").
 */
import type { UserInfo } from '../auth/authenticator.js';
import type { AuthorizationAttributes, Authorizer, Decision, RuleList } from './authorizer.js';

/** One authorizer's answer (authorizer.Decision: Allow, Deny or NoOpinion, with a reason). */
export type Opinion =
  | { readonly decision: 'allow'; readonly reason?: string }
  | { readonly decision: 'deny'; readonly reason: string }
  | { readonly decision: 'noOpinion'; readonly reason?: string };

/** An authorizer in a union. */
export interface OpinionAuthorizer {
  readonly name: string;
  authorize(a: AuthorizationAttributes): Opinion | Promise<Opinion>;
  /** The rules `user` holds in `namespace` from this authorizer (SelfSubjectRulesReview). */
  rulesFor?(user: UserInfo, namespace: string): RuleList | Promise<RuleList>;
}

export const ALLOW: Opinion = { decision: 'allow' };
export const NO_OPINION: Opinion = { decision: 'noOpinion' };

/** The group whose members may do anything (user.SystemPrivilegedGroup). */
export const PRIVILEGED_GROUP = 'system:masters';

/** Allows every request of a system:masters member, whatever RBAC holds. */
export const privilegedGroupAuthorizer: OpinionAuthorizer = {
  name: 'PrivilegedGroup',
  authorize: (a) => (a.user.groups.includes(PRIVILEGED_GROUP) ? ALLOW : NO_OPINION),
  rulesFor: (user) => user.groups.includes(PRIVILEGED_GROUP)
    ? { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false }
    : { resourceRules: [], nonResourceRules: [], incomplete: false },
};

export class UnionAuthorizer implements Authorizer {
  constructor(private readonly chain: readonly OpinionAuthorizer[]) {}

  async authorize(a: AuthorizationAttributes): Promise<Decision> {
    const reasons: string[] = [];
    for (const z of this.chain) {
      const o = await z.authorize(a);
      if (o.decision === 'allow') return o.reason ? { allowed: true, reason: o.reason } : { allowed: true };
      if (o.decision === 'deny') return { allowed: false, reason: o.reason };
      if (o.reason) reasons.push(o.reason);
    }
    return reasons.length ? { allowed: false, reason: reasons.join(', ') } : { allowed: false };
  }

  async rulesFor(user: UserInfo, namespace: string): Promise<RuleList> {
    const resourceRules: RuleList['resourceRules'][number][] = [];
    const nonResourceRules: RuleList['nonResourceRules'][number][] = [];
    let incomplete = false;
    for (const z of this.chain) {
      if (!z.rulesFor) continue;
      const r = await z.rulesFor(user, namespace);
      resourceRules.push(...r.resourceRules);
      nonResourceRules.push(...r.nonResourceRules);
      incomplete ||= r.incomplete;
    }
    return { resourceRules, nonResourceRules, incomplete };
  }
}
