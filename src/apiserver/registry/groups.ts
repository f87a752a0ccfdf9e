/**
 * @module Strategies of the named API groups with Kubernetes-specific behaviour (apps, batch, ...),
 * looked up by group/plural. Resources not listed get the generic strategy.
 */
import type { ResourceDef } from '../../api/schema/types.js';
import type { Strategy } from './rest/strategy.js';

const GROUPS: Readonly<Record<string, (def: ResourceDef) => Strategy>> = {};

/** The specific strategy of a named-group resource, if Kubernetes has one. */
export function groupStrategy(def: ResourceDef): Strategy | undefined {
  return GROUPS[`${def.group}/${def.plural}`]?.(def);
}
