/**
 * @module authentication.k8s.io/v1: TokenReview and SelfSubjectReview (create-only checks of who a
 * token or caller is), and TokenRequest, the body of a service account's token subresource.
 */
import { defineGroup } from '../../dsl.js';

export const authenticationV1 = defineGroup({ prefix: 'io.k8s.api.authentication.v1', group: 'authentication.k8s.io', version: 'v1' }, (g) => {
  g.struct('BoundObjectReference', 'An object a requested token is tied to; the token stops working when it is deleted.', {
    kind: ['string', 1, 'Kind of the object: Pod, Secret or Node.'],
    apiVersion: ['string', 2, 'Group and version of the bound object.'],
    name: ['string', 3, 'Name of the object.'],
    uid: ['string', 4, 'UID of the object.'],
  });

  g.kind('SelfSubjectReview', 'Asks the server who the caller is; the answer is in status.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    status: ['SelfSubjectReviewStatus', 2, 'The authenticated identity, filled in by the server.'],
  });
  g.struct('SelfSubjectReviewStatus', 'The identity the server resolved for the caller.', {
    userInfo: ['UserInfo', 1, 'The caller\'s user attributes.'],
  });

  g.kind('TokenRequest', 'Asks for a service account token with chosen audiences and lifetime.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['TokenRequestSpec', 2, 'What the token should say.', { required: true }],
    status: ['TokenRequestStatus', 3, 'The issued token.'],
  });
  g.struct('TokenRequestSpec', 'The audiences, lifetime and binding of a requested token.', {
    audiences: ['[]string', 1, 'Audiences the token is valid for; the API server\'s own when empty.', { required: true, list: 'atomic' }],
    expirationSeconds: ['int64', 4, 'Wanted lifetime in seconds; the server may shorten or lengthen it.', { ptr: true }],
    boundObjectRef: ['BoundObjectReference', 3, 'Object whose deletion invalidates the token.', { ptr: true }],
  });
  g.struct('TokenRequestStatus', 'The token the server issued.', {
    token: ['string', 1, 'The bearer token.', { required: true }],
    expirationTimestamp: ['Time', 2, 'When the token expires.', { required: true }],
  });

  g.kind('TokenReview', 'Asks the server to authenticate a token; the answer is in status.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['TokenReviewSpec', 2, 'The token to check.', { required: true }],
    status: ['TokenReviewStatus', 3, 'Whether the token is valid and whose it is, filled in by the server.'],
  });
  g.struct('TokenReviewSpec', 'A token to authenticate and the audiences it must match.', {
    token: ['string', 1, 'The opaque bearer token.'],
    audiences: ['[]string', 2, 'Audiences the caller accepts; the API server\'s own when empty.', { list: 'atomic' }],
  });
  g.struct('TokenReviewStatus', 'The verdict on a reviewed token.', {
    authenticated: ['boolean', 1, 'True when the token is valid.'],
    user: ['UserInfo', 2, 'The user the token belongs to.'],
    audiences: ['[]string', 4, 'The requested audiences the token is valid for.', { list: 'atomic' }],
    error: ['string', 3, 'Why the token could not be checked.'],
  });
  g.struct('UserInfo', 'The attributes of an authenticated user.', {
    username: ['string', 1, 'The user name.'],
    uid: ['string', 2, 'A stable identifier of the user, more unique than the name.'],
    groups: ['[]string', 3, 'Groups the user belongs to.', { list: 'atomic' }],
    extra: ['map[string][]string', 4, 'Further attributes supplied by the authenticator.'],
  });

  const createOnly = { namespaced: false, verbs: ['create'], listKind: null } as const;
  g.resource('selfsubjectreviews', { kind: 'SelfSubjectReview', ...createOnly });
  g.resource('tokenreviews', { kind: 'TokenReview', ...createOnly });
});
