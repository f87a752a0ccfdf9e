/**
 * @module The Node authorizer's view of the cluster: pods, persistent volume claims and volume
 * attachments from their watch caches.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import type { ResourceRegistry } from '../../registry/resources.js';
import { ObjectView } from '../../security/object-view.js';
import type { NodeGraphSource } from './authorizer.js';

export class RegistryNodeGraphSource implements NodeGraphSource {
  private readonly podView: ObjectView | undefined;
  private readonly claimView: ObjectView | undefined;
  private readonly attachmentView: ObjectView | undefined;

  constructor(registry: ResourceRegistry) {
    this.podView = ObjectView.of(registry, '', 'v1', 'pods');
    this.claimView = ObjectView.of(registry, '', 'v1', 'persistentvolumeclaims');
    this.attachmentView = ObjectView.of(registry, 'storage.k8s.io', 'v1', 'volumeattachments');
  }

  async ready(): Promise<void> {
    await Promise.all([this.podView?.ready(), this.claimView?.ready(), this.attachmentView?.ready()]);
  }

  revision(): string {
    return `${this.podView?.revision ?? 0}/${this.claimView?.revision ?? 0}`;
  }

  pods(): readonly KubeObject[] {
    return this.podView?.list() ?? [];
  }

  claim(namespace: string, name: string): KubeObject | undefined {
    return this.claimView?.cached(namespace, name);
  }

  volumeAttachment(name: string): KubeObject | undefined {
    return this.attachmentView?.cached('', name);
  }
}
