/**
 * @module authorization.k8s.io/v1: the create-only access reviews (may this user do that? what
 * may I do here?) that `kubectl auth can-i` and webhooks use.
 */
import { defineGroup } from '../../dsl.js';

export const authorizationV1 = defineGroup({ prefix: 'io.k8s.api.authorization.v1', group: 'authorization.k8s.io', version: 'v1' }, (g) => {
  g.struct('FieldSelectorAttributes', 'A field selector limiting a reviewed list or watch, raw or parsed.', {
    rawSelector: ['string', 1, 'The selector as given in a query string; exclusive with requirements.'],
    requirements: ['[]meta.FieldSelectorRequirement', 2, 'The selector in parsed form.', { list: 'atomic' }],
  });
  g.struct('LabelSelectorAttributes', 'A label selector limiting a reviewed list or watch, raw or parsed.', {
    rawSelector: ['string', 1, 'The selector as given in a query string; exclusive with requirements.'],
    requirements: ['[]meta.LabelSelectorRequirement', 2, 'The selector in parsed form.', { list: 'atomic' }],
  });
  g.kind('LocalSubjectAccessReview', 'Asks whether a user may act in one namespace; creatable by namespace admins.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['SubjectAccessReviewSpec', 2, 'The user and action; the namespace must match the review\'s.', { required: true }],
    status: ['SubjectAccessReviewStatus', 3, 'The decision, filled in by the server.'],
  });
  g.struct('NonResourceAttributes', 'A request on a URL path that is not a resource.', {
    path: ['string', 1, 'The URL path.'],
    verb: ['string', 2, 'The HTTP verb in lower case.'],
  });
  g.struct('NonResourceRule', 'Verbs allowed on non-resource URLs.', {
    verbs: ['[]string', 1, 'Allowed verbs; "*" means all.', { required: true, list: 'atomic' }],
    nonResourceURLs: ['[]string', 2, 'URL paths (with an optional trailing *) covered.', { list: 'atomic' }],
  });
  g.struct('ResourceAttributes', 'A request on a resource, as an authorizer sees it.', {
    namespace: ['string', 1, 'Namespace of the action; empty means all namespaces for namespaced resources.'],
    verb: ['string', 2, 'API verb such as get, list, watch or create; "*" means all.'],
    group: ['string', 3, 'API group of the resource; "*" means all.'],
    version: ['string', 4, 'API version of the resource; "*" means all.'],
    resource: ['string', 5, 'Resource (plural) acted on; "*" means all.'],
    subresource: ['string', 6, 'Subresource acted on; "" means none.'],
    name: ['string', 7, 'Name of the object; empty means all.'],
    fieldSelector: ['FieldSelectorAttributes', 8, 'Field selector of a list or watch being authorized.', { ptr: true }],
    labelSelector: ['LabelSelectorAttributes', 9, 'Label selector of a list or watch being authorized.', { ptr: true }],
  });
  g.struct('ResourceRule', 'Verbs allowed on resources; a possibly incomplete listing.', {
    verbs: ['[]string', 1, 'Allowed verbs; "*" means all.', { required: true, list: 'atomic' }],
    apiGroups: ['[]string', 2, 'API groups covered; "*" means all.', { list: 'atomic' }],
    resources: ['[]string', 3, 'Resources covered; "*" means all.', { list: 'atomic' }],
    resourceNames: ['[]string', 4, 'Object names the rule is limited to; all when empty.', { list: 'atomic' }],
  });
  g.kind('SelfSubjectAccessReview', 'Asks whether the caller may perform an action.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['SelfSubjectAccessReviewSpec', 2, 'The action to check.', { required: true }],
    status: ['SubjectAccessReviewStatus', 3, 'The decision, filled in by the server.'],
  });
  g.struct('SelfSubjectAccessReviewSpec', 'The action of a self review; exactly one attribute set is given.', {
    resourceAttributes: ['ResourceAttributes', 1, 'A resource action.', { ptr: true }],
    nonResourceAttributes: ['NonResourceAttributes', 2, 'A non-resource action.', { ptr: true }],
  });
  g.kind('SelfSubjectRulesReview', 'Lists what the caller may do in a namespace, as far as the authorizers can tell.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['SelfSubjectRulesReviewSpec', 2, 'The namespace to list rules for.', { required: true }],
    status: ['SubjectRulesReviewStatus', 3, 'The rules, filled in by the server.'],
  });
  g.struct('SelfSubjectRulesReviewSpec', 'The scope of a rules review.', {
    namespace: ['string', 1, 'Namespace whose rules are listed.'],
  });
  g.kind('SubjectAccessReview', 'Asks whether any given user may perform an action.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['SubjectAccessReviewSpec', 2, 'The user and the action.', { required: true }],
    status: ['SubjectAccessReviewStatus', 3, 'The decision, filled in by the server.'],
  });
  g.struct('SubjectAccessReviewSpec', 'A user and an action; exactly one attribute set is given.', {
    resourceAttributes: ['ResourceAttributes', 1, 'A resource action.', { ptr: true }],
    nonResourceAttributes: ['NonResourceAttributes', 2, 'A non-resource action.', { ptr: true }],
    user: ['string', 3, 'The user to check.'],
    groups: ['[]string', 4, 'Groups of the user.', { list: 'atomic' }],
    extra: ['map[string][]string', 5, 'Further user attributes from the authenticator.'],
    uid: ['string', 6, 'UID of the user.'],
  });
  g.struct('SubjectAccessReviewStatus', 'An authorization decision.', {
    allowed: ['boolean', 1, 'True when the action is allowed.', { required: true }],
    denied: ['boolean', 4, 'True when an authorizer explicitly denied the action; never true with allowed.'],
    reason: ['string', 2, 'Why the decision was made.'],
    evaluationError: ['string', 3, 'A problem met while deciding; the decision may still stand.'],
  });
  g.struct('SubjectRulesReviewStatus', 'The rules a subject has in a namespace.', {
    resourceRules: ['[]ResourceRule', 1, 'Allowed resource actions.', { required: true, list: 'atomic' }],
    nonResourceRules: ['[]NonResourceRule', 2, 'Allowed non-resource actions.', { required: true, list: 'atomic' }],
    incomplete: ['boolean', 3, 'True when an authorizer could not list its rules, so the answer is partial.', { required: true }],
    evaluationError: ['string', 4, 'A problem met while listing rules.'],
  });

  const createOnly = { verbs: ['create'], listKind: null } as const;
  g.resource('localsubjectaccessreviews', { kind: 'LocalSubjectAccessReview', ...createOnly });
  g.resource('selfsubjectaccessreviews', { kind: 'SelfSubjectAccessReview', namespaced: false, ...createOnly });
  g.resource('selfsubjectrulesreviews', { kind: 'SelfSubjectRulesReview', namespaced: false, ...createOnly });
  g.resource('subjectaccessreviews', { kind: 'SubjectAccessReview', namespaced: false, ...createOnly });
});
