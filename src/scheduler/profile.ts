/**
 * @module The default profile: kube-scheduler's default plugins in their order, with their score
 * weights (TaintToleration 3, NodeAffinity, InterPodAffinity and PodTopologySpread 2, the
 * resource scores 1).
 */
import type { Profile } from './algorithm.js';
import { InterPodAffinityPlugin } from './plugins/inter-pod-affinity.js';
import { NodeAffinityPlugin } from './plugins/node-affinity.js';
import { NodeNamePlugin, NodeUnschedulablePlugin, TaintTolerationPlugin } from './plugins/node-basics.js';
import { BalancedAllocationPlugin, NodePortsPlugin, NodeResourcesFitPlugin } from './plugins/node-resources.js';
import { PodTopologySpreadPlugin } from './plugins/pod-topology-spread.js';
import type { VolumeBindingPlugin } from './plugins/volume-binding.js';

/** Builds the default profile around the stateful VolumeBinding plugin. */
export function defaultProfile(volumeBinding: VolumeBindingPlugin): Profile {
  const nodeAffinity = new NodeAffinityPlugin();
  const taints = new TaintTolerationPlugin();
  const fit = new NodeResourcesFitPlugin();
  const ports = new NodePortsPlugin();
  const spread = new PodTopologySpreadPlugin();
  const ipa = new InterPodAffinityPlugin();
  const balanced = new BalancedAllocationPlugin();
  return {
    preFilter: [nodeAffinity, ports, volumeBinding, spread, ipa],
    filter: [new NodeUnschedulablePlugin(), new NodeNamePlugin(), taints, nodeAffinity, ports, fit, volumeBinding, spread, ipa],
    preScore: [taints, nodeAffinity, spread, ipa, balanced],
    score: [taints, nodeAffinity, fit, spread, ipa, balanced],
  };
}
