/**
 * @module Strategies of the named API groups with Kubernetes-specific behaviour (apps, batch and
 * the smaller groups), looked up by group/plural. Resources not listed get the generic strategy.
 */
import type { ResourceDef } from '../../api/schema/types.js';
import type { Strategy } from './rest/strategy.js';
import { ControllerRevisionStrategy, DaemonSetStrategy, DeploymentStrategy, ReplicaSetStrategy, StatefulSetStrategy } from './apps/workloads.js';
import { CronJobStrategy, JobStrategy } from './batch/jobs.js';
import { OTHER_STRATEGIES } from './small-groups.js';
import { CustomResourceDefinitionStrategy } from '../apiextensions/crd-strategy.js';

const GROUPS: Readonly<Record<string, () => Strategy>> = {
  'apps/deployments': () => new DeploymentStrategy(),
  'apps/replicasets': () => new ReplicaSetStrategy(),
  'apps/statefulsets': () => new StatefulSetStrategy(),
  'apps/daemonsets': () => new DaemonSetStrategy(),
  'apps/controllerrevisions': () => new ControllerRevisionStrategy(),
  'batch/jobs': () => new JobStrategy(),
  'batch/cronjobs': () => new CronJobStrategy(),
  'apiextensions.k8s.io/customresourcedefinitions': () => new CustomResourceDefinitionStrategy(),
  ...OTHER_STRATEGIES,
};

/** The specific strategy of a named-group resource, if Kubernetes has one. */
export function groupStrategy(def: ResourceDef): Strategy | undefined {
  return GROUPS[`${def.group}/${def.plural}`]?.();
}
