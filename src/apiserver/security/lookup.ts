/**
 * @module The objects token authenticators look up (service accounts, secrets, pods, nodes),
 * read through the watch caches with a datastore fallback, as the service account token
 * getter of kube-apiserver reads its informers first and the storage second.
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { ServiceAccountLookup } from '../auth/serviceaccount/tokens.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { ObjectView } from './object-view.js';

export class RegistryLookup implements ServiceAccountLookup {
  readonly serviceAccounts: ObjectView | undefined;
  readonly secrets: ObjectView | undefined;
  readonly pods: ObjectView | undefined;
  readonly nodes: ObjectView | undefined;

  constructor(registry: ResourceRegistry) {
    this.serviceAccounts = ObjectView.of(registry, '', 'v1', 'serviceaccounts');
    this.secrets = ObjectView.of(registry, '', 'v1', 'secrets');
    this.pods = ObjectView.of(registry, '', 'v1', 'pods');
    this.nodes = ObjectView.of(registry, '', 'v1', 'nodes');
  }

  serviceAccount(namespace: string, name: string): Promise<KubeObject | undefined> {
    return this.serviceAccounts?.get(namespace, name) ?? Promise.resolve(undefined);
  }

  secret(namespace: string, name: string): Promise<KubeObject | undefined> {
    return this.secrets?.get(namespace, name) ?? Promise.resolve(undefined);
  }

  pod(namespace: string, name: string): Promise<KubeObject | undefined> {
    return this.pods?.get(namespace, name) ?? Promise.resolve(undefined);
  }

  node(name: string): Promise<KubeObject | undefined> {
    return this.nodes?.get('', name) ?? Promise.resolve(undefined);
  }
}
