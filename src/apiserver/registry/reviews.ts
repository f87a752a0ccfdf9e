/**
 * @module The create-only "review" resources, answered and never stored: SelfSubjectAccessReview,
 * SubjectAccessReview and LocalSubjectAccessReview (put to the Authorizer), SelfSubjectRulesReview
 * (the authorizer's rules), SelfSubjectReview (`kubectl auth whoami`) and TokenReview (a
 * pluggable token reviewer), plus core `bindings`.
 */
import type { KubeObject } from '../../api/meta/object.js';
import { statusErrors } from '../../api/status.js';
import { obj, str } from '../../api/validation/helpers.js';
import { type AuthorizationAttributes, type Authorizer } from '../authorization/authorizer.js';
import type { RequestContext, UserInfo } from './rest/context.js';
import { Store, type StoreOptions } from './generic/store.js';

/** Answers a create without storing anything. */
export class VirtualCreateStore extends Store {
  constructor(o: StoreOptions, private readonly answer: (ctx: RequestContext, body: KubeObject) => Promise<KubeObject>) {
    super(o);
  }
  override create(ctx: RequestContext, body: KubeObject): Promise<KubeObject> {
    return this.answer(ctx, body);
  }
}

/** Resolves a bearer token to a user (TokenReview); undefined when none is configured. */
export type TokenReviewer = (token: string, audiences: readonly string[]) => Promise<{ user?: UserInfo; audiences?: string[]; error?: string }>;

function attributesOf(spec: Record<string, unknown>, user: UserInfo): AuthorizationAttributes {
  const ra = obj(spec['resourceAttributes']);
  const na = obj(spec['nonResourceAttributes']);
  const resource = spec['resourceAttributes'] !== undefined;
  return {
    user, resourceRequest: resource, verb: str(resource ? ra['verb'] : na['verb']), namespace: str(ra['namespace']), apiGroup: str(ra['group']),
    apiVersion: str(ra['version']), resource: str(ra['resource']), subresource: str(ra['subresource']), name: str(ra['name']), path: str(na['path']),
  };
}

function answered(body: KubeObject, status: Record<string, unknown>): KubeObject {
  // Reviews are never stored: upstream answers with a zero (null) creationTimestamp.
  const metadata = { ...body.metadata, creationTimestamp: null } as unknown as KubeObject['metadata'];
  return { ...body, metadata, status };
}

/** The answer function of each review resource, by `group/plural`. */
export function reviewAnswers(authorizer: Authorizer, tokens: TokenReviewer | undefined): Record<string, (ctx: RequestContext, body: KubeObject) => Promise<KubeObject>> {
  const access = (self: boolean) => async (ctx: RequestContext, body: KubeObject) => {
    const spec = obj(body['spec']);
    if (spec['resourceAttributes'] === undefined && spec['nonResourceAttributes'] === undefined) {
      throw statusErrors.invalid('SubjectAccessReview', '', [{ reason: 'FieldValueRequired', message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified', field: 'spec.resourceAttributes' }], 'authorization.k8s.io');
    }
    const user: UserInfo = self ? (ctx.user ?? { name: 'system:anonymous', groups: [] })
      : { name: str(spec['user']), groups: Array.isArray(spec['groups']) ? spec['groups'].map(String) : [], ...(str(spec['uid']) ? { uid: str(spec['uid']) } : {}) };
    const attrs = attributesOf(spec, user);
    if (ctx.namespace && attrs.namespace && attrs.namespace !== ctx.namespace) {
      throw statusErrors.badRequest(`spec.resourceAttributes.namespace must match metadata.namespace: ${JSON.stringify(attrs.namespace)} != ${JSON.stringify(ctx.namespace)}`);
    }
    const d = await authorizer.authorize(ctx.namespace && !attrs.namespace && attrs.resourceRequest ? { ...attrs, namespace: ctx.namespace } : attrs);
    return answered(body, { allowed: d.allowed, ...(d.reason ? { reason: d.reason } : {}) });
  };
  return {
    'authorization.k8s.io/selfsubjectaccessreviews': access(true),
    'authorization.k8s.io/subjectaccessreviews': access(false),
    'authorization.k8s.io/localsubjectaccessreviews': access(false),
    'authorization.k8s.io/selfsubjectrulesreviews': async (ctx, body) => {
      const user = ctx.user ?? { name: 'system:anonymous', groups: [] };
      const ns = str(obj(body['spec'])['namespace']);
      const rules = authorizer.rulesFor ? await authorizer.rulesFor(user, ns) : { resourceRules: [], nonResourceRules: [], incomplete: true };
      return answered(body, { resourceRules: rules.resourceRules, nonResourceRules: rules.nonResourceRules, incomplete: rules.incomplete });
    },
    'authentication.k8s.io/selfsubjectreviews': async (ctx, body) => {
      const u = ctx.user ?? { name: 'system:anonymous', groups: [] };
      return answered(body, { userInfo: { username: u.name, ...(u.uid ? { uid: u.uid } : {}), groups: [...u.groups], ...(u.extra ? { extra: u.extra } : {}) } });
    },
    'authentication.k8s.io/tokenreviews': async (_ctx, body) => {
      const spec = obj(body['spec']);
      const token = str(spec['token']);
      if (!token) throw statusErrors.invalid('TokenReview', '', [{ reason: 'FieldValueRequired', message: 'Required value: token must not be empty', field: 'spec.token' }], 'authentication.k8s.io');
      if (!tokens) return answered(body, { authenticated: false, user: {}, error: 'token authentication is not configured on this server' });
      const r = await tokens(token, Array.isArray(spec['audiences']) ? spec['audiences'].map(String) : []);
      if (!r.user) return answered(body, { authenticated: false, user: {}, ...(r.error ? { error: r.error } : {}) });
      return answered(body, { authenticated: true, user: { username: r.user.name, uid: r.user.uid ?? '', groups: [...r.user.groups], ...(r.user.extra ? { extra: r.user.extra } : {}) }, audiences: r.audiences ?? [] });
    },
  };
}
