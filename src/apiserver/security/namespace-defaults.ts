/**
 * @module What every active namespace gets (kube-controller-manager's serviceaccount controller
 * and root-ca-cert-publisher): a `default` ServiceAccount, and the `kube-root-ca.crt` ConfigMap
 * whose `ca.crt` is the server CA bundle, recreated when deleted and corrected when changed.
 * Pods need both: ServiceAccount admission defaults pods to `default` and mounts the CA from the
 * config map. Runs in process until the controller manager provides these controllers.
 */
import type { KubeObject } from '../../api/meta/object.js';
import { StatusError } from '../../api/status.js';
import { systemContext } from '../registry/rest/context.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { ObjectView } from './object-view.js';
import { Reconciler } from './reconciler.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

const ignoreConflicts = (e: unknown) => {
  // Someone else created or changed it meanwhile: the next pass sees their version.
  if (e instanceof StatusError && (e.status.code === 409 || e.status.code === 404 || e.status.code === 403)) return;
  throw e;
};

export class NamespaceDefaults {
  private readonly loop: Reconciler | undefined;
  private readonly namespaces: ObjectView | undefined;
  private readonly serviceAccounts: ObjectView | undefined;
  private readonly configMaps: ObjectView | undefined;

  constructor(registry: ResourceRegistry, private readonly caPem: string) {
    this.namespaces = ObjectView.of(registry, '', 'v1', 'namespaces');
    this.serviceAccounts = ObjectView.of(registry, '', 'v1', 'serviceaccounts');
    this.configMaps = ObjectView.of(registry, '', 'v1', 'configmaps');
    if (this.namespaces && this.serviceAccounts && this.configMaps) {
      this.loop = new Reconciler('namespace-defaults', [this.namespaces, this.serviceAccounts, this.configMaps], () => this.pass());
    }
  }

  start(): Promise<void> {
    return this.loop?.start() ?? Promise.resolve();
  }

  private async pass(): Promise<void> {
    const [nsView, saView, cmView] = [this.namespaces, this.serviceAccounts, this.configMaps];
    if (!nsView || !saView || !cmView) return;
    for (const ns of nsView.list()) {
      const name = ns.metadata.name ?? '';
      if (ns.metadata.deletionTimestamp || (ns['status'] as Record<string, unknown> | undefined)?.['phase'] === 'Terminating') continue;
      if (!saView.cached(name, 'default')) {
        const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } };
        await saView.store.create(systemContext(name), sa).catch(ignoreConflicts);
      }
      const cm = cmView.cached(name, ROOT_CA_CONFIGMAP);
      const data = (cm?.['data'] ?? {}) as Record<string, unknown>;
      if (!cm) {
        const obj: KubeObject = {
          apiVersion: 'v1', kind: 'ConfigMap',
          metadata: { name: ROOT_CA_CONFIGMAP, namespace: name, annotations: { 'kubernetes.io/description': 'CA bundle for verifying the API server on in-cluster endpoints (the kubernetes service IP, kubernetes.default.svc).' } },
          data: { 'ca.crt': this.caPem },
        };
        await cmView.store.create(systemContext(name), obj).catch(ignoreConflicts);
      } else if (data['ca.crt'] !== this.caPem) {
        await cmView.store.update(systemContext(name), ROOT_CA_CONFIGMAP, (prev) => {
          if (!prev) throw new Error('vanished');
          prev['data'] = { ...(prev['data'] as Record<string, unknown> | undefined), 'ca.crt': this.caPem };
          delete prev.metadata.resourceVersion;
          return prev;
        }).catch(ignoreConflicts);
      }
    }
  }

  stop(): void {
    this.loop?.stop();
  }
}
