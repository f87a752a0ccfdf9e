/**
 * @module What the scheduler writes about pods besides bindings: the PodScheduled condition
 * (False/Unschedulable with the FitError message, or SchedulingGated) and nominatedNodeName by a
 * strategic merge patch of pods/status, skipped when nothing would change; and the
 * FailedScheduling / Scheduled events, as kube-scheduler records them.
 */
import { messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import type { Client } from '../client/client.js';
import { isNotFound } from '../client/errors.js';
import type { EventSink } from '../client/event-recorder.js';
import type { Condition, Pod } from '../client/kinds/core.js';
import type { ResourceClient } from '../client/resource-client.js';
import { resources } from '../client/resources.js';

const log = logger('scheduler');
const POD_REF = { apiVersion: 'v1', kind: 'Pod' };

export interface ConditionUpdate {
  readonly reason: 'Unschedulable' | 'SchedulerError' | 'SchedulingGated';
  readonly message: string;
  /** Set (a node name) or clear ('') status.nominatedNodeName; undefined leaves it. */
  readonly nominatedNodeName?: string | undefined;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

export class Reporter {
  private readonly pods: ResourceClient<Pod>;

  constructor(client: Client, readonly events: EventSink) {
    this.pods = client.resource<Pod>(resources.pods);
  }

  failedScheduling(pod: Pod, message: string): void {
    this.events.event(pod, 'Warning', 'FailedScheduling', message, POD_REF);
  }

  scheduled(pod: Pod, node: string): void {
    this.events.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} to ${node}`, POD_REF);
  }

  preempted(victim: Pod, by: Pod, node: string): void {
    this.events.event(victim, 'Normal', 'Preempted', `Preempted by pod ${by.metadata.uid ?? ''} on node ${node}`, POD_REF);
  }

  /** Patches PodScheduled=False (and nominatedNodeName) unless the pod already says exactly that. */
  async setUnscheduled(pod: Pod, u: ConditionUpdate, signal: AbortSignal): Promise<void> {
    const cur = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const sameCondition = cur?.status === 'False' && cur.reason === u.reason && (cur.message ?? '') === u.message;
    const curNominated = pod.status?.nominatedNodeName ?? '';
    const nominatedChange = u.nominatedNodeName !== undefined && u.nominatedNodeName !== curNominated;
    if (sameCondition && !nominatedChange) return;
    const status: Record<string, unknown> = {};
    if (!sameCondition) {
      const cond: Condition = { type: 'PodScheduled', status: 'False', reason: u.reason, message: u.message, lastProbeTime: null,
        lastTransitionTime: cur?.status === 'False' && cur.lastTransitionTime ? cur.lastTransitionTime : now() };
      status['conditions'] = [cond];
    }
    if (nominatedChange) status['nominatedNodeName'] = u.nominatedNodeName || null;
    await this.patchStatus(pod, status, signal);
  }

  /** Clears status.nominatedNodeName (a preemptor that lost its nomination). */
  async clearNominated(pod: Pod, signal: AbortSignal): Promise<void> {
    if (!pod.status?.nominatedNodeName) return;
    await this.patchStatus(pod, { nominatedNodeName: null }, signal);
  }

  /** Adds the DisruptionTarget condition a preempted pod gets before its deletion. */
  async markDisruption(pod: Pod, message: string, signal: AbortSignal): Promise<void> {
    const cond: Condition = { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message, lastTransitionTime: now() };
    await this.patchStatus(pod, { conditions: [cond] }, signal);
  }

  private async patchStatus(pod: Pod, status: Record<string, unknown>, signal: AbortSignal): Promise<void> {
    try {
      await this.pods.patch(pod.metadata.name ?? '', { status }, { namespace: pod.metadata.namespace, type: 'strategic', subresource: 'status', signal });
    } catch (err) {
      if (signal.aborted || isNotFound(err)) return;
      log.v(1, `updating status of pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}: ${messageOf(err)}`);
    }
  }
}
