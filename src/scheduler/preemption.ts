/**
 * @module DefaultPreemption (the PostFilter): when a pod fits nowhere, find nodes where evicting
 * pods of lower priority would make it fit, keep as many of them as possible (reprieve the most
 * important first), pick the node whose victims matter least, then mark the victims with the
 * DisruptionTarget condition and delete them gracefully, and nominate the node for the pod
 * (status.nominatedNodeName) so that lower-priority pods do not take the room meanwhile.
 */
import { messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import type { Client } from '../client/client.js';
import { isNotFound } from '../client/errors.js';
import type { Pod } from '../client/kinds/core.js';
import type { ResourceClient } from '../client/resource-client.js';
import { resources } from '../client/resources.js';
import type { Algorithm, ScheduleOutcome } from './algorithm.js';
import type { SchedulerCache } from './cache.js';
import { Diagnosis, fitErrorMessage } from './diagnosis.js';
import { Code, type Status, unresolvable } from './framework.js';
import { preemptionPolicyOf, type PriorityClass } from './kinds.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Reporter } from './reporter.js';

const log = logger('scheduler');

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export interface PreemptionDeps {
  readonly cache: SchedulerCache;
  readonly algorithm: Algorithm;
  readonly reporter: Reporter;
  readonly classes: { get(name: string): PriorityClass | undefined };
}

/** What preemption decided: a node to nominate ('' clears a nomination) and/or a message. */
export interface PostFilterResult {
  readonly nominatedNode?: string;
  /** `preemption: ...` when preemption did not help; '' when it found a node. */
  readonly message: string;
}

interface Candidate {
  readonly node: NodeInfo;
  readonly victims: PodInfo[];
}

const terminatingByPreemption = (p: Pod): boolean =>
  !!p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler');

const startTime = (p: PodInfo): number => Date.parse(p.pod.status?.startTime ?? p.pod.metadata.creationTimestamp ?? '') || 0;

export class Preemption {
  private readonly pods: ResourceClient<Pod>;

  constructor(client: Client, private readonly d: PreemptionDeps) {
    this.pods = client.resource<Pod>(resources.pods);
  }

  /** Runs after a failed cycle. Synchronous decision; the evictions run in the background. */
  postFilter(pi: PodInfo, outcome: Extract<ScheduleOutcome, { ok: false }>, signal: AbortSignal): PostFilterResult {
    const notEligible = this.notEligible(pi, outcome);
    if (notEligible) return { message: `preemption: ${notEligible}` };
    const statuses = new Diagnosis();
    const potential: NodeInfo[] = [];
    for (const ni of this.d.cache.nodes()) {
      const s = outcome.diagnosis.nodeToStatus.get(ni.name) ?? outcome.diagnosis.absentStatus;
      if (!s || s.code === Code.UnschedulableAndUnresolvable || outcome.diagnosis.preFilterMsg) statuses.record(ni.name, unresolvable(NOT_HELPFUL));
      else potential.push(ni);
    }
    const candidates: Candidate[] = [];
    for (const ni of potential) {
      const r = this.selectVictims(pi, ni, outcome);
      if ('victims' in r) candidates.push(r);
      else statuses.record(ni.name, r);
    }
    if (candidates.length === 0) {
      return { nominatedNode: '', message: `preemption: ${fitErrorMessage(statuses, this.d.cache.nodeCount)}` };
    }
    const best = pickCandidate(candidates);
    void this.evict(pi, best, signal);
    return { nominatedNode: best.node.name, message: '' };
  }

  private notEligible(pi: PodInfo, outcome: Extract<ScheduleOutcome, { ok: false }>): string | undefined {
    if (preemptionPolicyOf(pi.pod, this.d.classes) === 'Never') return 'not eligible due to preemptionPolicy=Never.';
    const nominated = pi.pod.status?.nominatedNodeName ?? this.d.cache.nominatedNodeOf(pi.key);
    if (!nominated) return undefined;
    if (outcome.diagnosis.nodeToStatus.get(nominated)?.code === Code.UnschedulableAndUnresolvable) return undefined;
    const ni = this.d.cache.node(nominated);
    for (const p of ni?.pods.values() ?? []) {
      if (p.priority < pi.priority && terminatingByPreemption(p.pod)) return 'not eligible due to a terminating pod on the nominated node.';
    }
    return undefined;
  }

  /** SelectVictimsOnNode: the fewest, least important lower-priority pods whose removal lets `pi` fit. */
  private selectVictims(pi: PodInfo, node: NodeInfo, outcome: Extract<ScheduleOutcome, { ok: false }>): Candidate | Status {
    const ni = node.clone();
    const state = outcome.state.clone();
    const plugins = this.d.algorithm.profile.preFilter;
    const lower = [...ni.pods.values()].filter((p) => p.priority < pi.priority);
    if (lower.length === 0) return unresolvable(NO_VICTIMS);
    for (const v of lower) {
      ni.removePod(v.key);
      for (const p of plugins) p.updateForPod?.(state, pi, v, ni, false);
    }
    const fits = (): boolean => this.d.algorithm.runFilters(state, pi, ni).code === Code.Success;
    const all = this.d.algorithm.runFilters(state, pi, ni);
    if (all.code !== Code.Success) return all;
    // Most important first: higher priority, then the longest running.
    lower.sort((a, b) => b.priority - a.priority || startTime(a) - startTime(b));
    const victims: PodInfo[] = [];
    for (const v of lower) {
      ni.addPod(v);
      for (const p of plugins) p.updateForPod?.(state, pi, v, ni, true);
      if (fits()) continue;
      ni.removePod(v.key);
      for (const p of plugins) p.updateForPod?.(state, pi, v, ni, false);
      victims.push(v);
    }
    return victims.length ? { node, victims } : unresolvable(NO_VICTIMS);
  }

  /** Marks and deletes the victims, and clears weaker nominations to the same node. */
  private async evict(pi: PodInfo, c: Candidate, signal: AbortSignal): Promise<void> {
    const node = c.node.name;
    await Promise.all(c.victims.map(async (v) => {
      try {
        await this.d.reporter.markDisruption(v.pod, `${pi.pod.spec?.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod`, signal);
        await this.pods.delete(v.name, { namespace: v.namespace, preconditions: { uid: v.uid }, signal });
        this.d.reporter.preempted(v.pod, pi.pod, node);
      } catch (err) {
        if (!isNotFound(err) && !signal.aborted) log.warn(`preempting ${v.key} on ${node}: ${messageOf(err)}`);
      }
    }));
    for (const other of this.d.cache.nominatedOn(node)) {
      if (other.key === pi.key || other.priority >= pi.priority) continue;
      this.d.cache.setNominated(other, '');
      await this.d.reporter.clearNominated(other.pod, signal);
    }
  }
}

/** pickOneNodeForPreemption: lowest top victim priority, lowest priority sum, fewest victims, latest start. */
function pickCandidate(cs: Candidate[]): Candidate {
  const top = (c: Candidate): number => Math.max(...c.victims.map((v) => v.priority));
  const sum = (c: Candidate): number => c.victims.reduce((s, v) => s + v.priority + 2 ** 31, 0);
  const earliestTopStart = (c: Candidate): number => {
    const t = top(c);
    return Math.min(...c.victims.filter((v) => v.priority === t).map(startTime));
  };
  return [...cs].sort((a, b) => top(a) - top(b) || sum(a) - sum(b) || a.victims.length - b.victims.length || earliestTopStart(b) - earliestTopStart(a))[0] as Candidate;
}
