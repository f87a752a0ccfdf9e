/**
 * @module RBAC's view of the stored roles and bindings: the four rbac.authorization.k8s.io/v1
 * resources read through their watch caches (the apiserver's RBAC informers), so authorizing a
 * request costs no datastore read.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import { StartupError } from '../../../base/errors.js';
import type { ResourceRegistry } from '../../registry/resources.js';
import { ObjectView } from '../../security/object-view.js';
import type { RbacSource } from './authorizer.js';

const GROUP = 'rbac.authorization.k8s.io';

export class RegistryRbacSource implements RbacSource {
  readonly roles: ObjectView;
  readonly clusterRoles: ObjectView;
  readonly bindings: ObjectView;
  readonly clusterBindings: ObjectView;

  constructor(registry: ResourceRegistry) {
    const view = (plural: string) => {
      const v = ObjectView.of(registry, GROUP, 'v1', plural);
      if (!v) throw new StartupError(`RBAC needs ${plural}.${GROUP}/v1, which this server does not serve`);
      return v;
    };
    this.roles = view('roles');
    this.clusterRoles = view('clusterroles');
    this.bindings = view('rolebindings');
    this.clusterBindings = view('clusterrolebindings');
  }

  /** Loads the caches; authorization answers from them afterwards. */
  async ready(): Promise<void> {
    await Promise.all([this.roles.ready(), this.clusterRoles.ready(), this.bindings.ready(), this.clusterBindings.ready()]);
  }

  clusterRole(name: string): KubeObject | undefined {
    return this.clusterRoles.cached('', name);
  }

  role(namespace: string, name: string): KubeObject | undefined {
    return this.roles.cached(namespace, name);
  }

  clusterRoleBindings(): readonly KubeObject[] {
    return this.clusterBindings.list();
  }

  roleBindings(namespace: string): readonly KubeObject[] {
    return this.bindings.list(namespace);
  }
}
