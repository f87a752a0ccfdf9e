/**
 * @module What the replica controller needs to know about its owner kind: ReplicaSet (label
 * selector object) and ReplicationController (equality-map selector) behave the same otherwise,
 * as kube-controller-manager runs one controller body for both.
 */
import { resources } from '../../client/resources.js';
import type { ResourceType } from '../../client/resource-type.js';
import { mapSelectorMatches, selectorMatches } from '../../client/selector.js';
import type { ReplicaSet, ReplicaSetStatus, ReplicationController } from '../../client/kinds/apps.js';
import type { PodTemplateSpec } from '../../client/kinds/core.js';
import type { KubeObject } from '../../client/types.js';

/** The owner seen through the fields the controller uses. */
export interface ReplicaKind<T extends KubeObject> {
  readonly type: ResourceType;
  readonly apiVersion: string;
  readonly kind: string;
  /** The controller's name: its service account, the event source and the User-Agent. */
  readonly component: string;
  /** Its kube-controller-manager name (--controllers, --concurrent-*-syncs). */
  readonly manager: string;
  replicas(o: T): number;
  minReadySeconds(o: T): number;
  template(o: T): PodTemplateSpec | undefined;
  selects(o: T, labels: Readonly<Record<string, string>> | undefined): boolean;
  status(o: T): ReplicaSetStatus | undefined;
}

export const replicaSetKind: ReplicaKind<ReplicaSet> = {
  type: resources.replicasets, apiVersion: 'apps/v1', kind: 'ReplicaSet', component: 'replicaset-controller', manager: 'replicaset',
  replicas: (o) => o.spec.replicas ?? 1,
  minReadySeconds: (o) => o.spec.minReadySeconds ?? 0,
  template: (o) => o.spec.template,
  selects: (o, labels) => selectorMatches(o.spec.selector, labels),
  status: (o) => o.status,
};

export const replicationControllerKind: ReplicaKind<ReplicationController> = {
  type: resources.replicationcontrollers, apiVersion: 'v1', kind: 'ReplicationController', component: 'replication-controller', manager: 'replicationcontroller',
  replicas: (o) => o.spec.replicas ?? 1,
  minReadySeconds: (o) => o.spec.minReadySeconds ?? 0,
  template: (o) => o.spec.template,
  // An RC without a selector selects its template's labels (the API server defaults it so).
  selects: (o, labels) => mapSelectorMatches(o.spec.selector ?? o.spec.template?.metadata?.labels, labels),
  status: (o) => o.status,
};
