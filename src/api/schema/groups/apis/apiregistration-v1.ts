/** @module apiregistration.k8s.io/v1: APIServices, which say who serves each group-version. */
import { defineGroup } from '../../dsl.js';

export const apiregistrationV1 = defineGroup({ prefix: 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1', group: 'apiregistration.k8s.io', version: 'v1' }, (g) => {
  g.kind('APIService', 'Registers the server of one group-version: the API server itself or an extension service.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata; the name is <version>.<group>.'],
    spec: ['APIServiceSpec', 2, 'Where the group-version is served and how it ranks.'],
    status: ['APIServiceStatus', 3, 'Whether the service is reachable; read-only.'],
  });
  g.struct('APIServiceCondition', 'One aspect of an APIService\'s state at a point in time.', {
    type: ['string', 1, 'Which aspect this condition describes; Available is the one used.', { required: true }],
    status: ['string', 2, 'Whether the condition holds: True, False or Unknown.', { required: true }],
    lastTransitionTime: ['Time', 3, 'When the status last flipped.'],
    reason: ['string', 4, 'One-word CamelCase cause of the last transition.'],
    message: ['string', 5, 'Free-form explanation of the most recent status change.'],
  });
  g.kind('APIServiceList', 'A page of APIService objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]APIService', 2, 'The API services returned.', { required: true }],
  });
  g.struct('APIServiceSpec', 'Where a group-version is served and how it is ordered in discovery.', {
    service: ['ServiceReference', 1, 'The extension service serving it; the local API server when unset.', { ptr: true }],
    group: ['string', 2, 'The API group.'],
    version: ['string', 3, 'The API version.'],
    insecureSkipTLSVerify: ['boolean', 4, 'Skips verifying the service\'s certificate; discouraged.'],
    caBundle: ['bytes', 5, 'PEM CA bundle to verify the service\'s certificate.', { list: 'atomic' }],
    groupPriorityMinimum: ['int32', 7, 'Priority of the group in discovery; higher groups are listed first.', { required: true }],
    versionPriority: ['int32', 8, 'Order of this version within its group; higher first.', { required: true }],
  });
  g.struct('APIServiceStatus', 'The observed state of an APIService.', {
    conditions: ['[]APIServiceCondition', 1, 'The latest observations, such as Available.', { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' }],
  });
  g.struct('ServiceReference', 'The in-cluster service behind an APIService.', {
    namespace: ['string', 1, 'Namespace of the service.'],
    name: ['string', 2, 'Name of the service.'],
    port: ['int32', 3, 'Service port to call; 443 when unset.', { ptr: true }],
  });

  g.resource('apiservices', { kind: 'APIService', namespaced: false, categories: ['api-extensions'], sub: { status: ['get', 'patch', 'update'] } });
});
