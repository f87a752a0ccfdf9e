/**
 * @module What a simulated kubelet makes of a pod: when it starts, whether and when its
 * "command" ends and with which exit code, and the status it reports at each step.
 * Commands are not run; `sleep N`, `exit N`, `true` and `false` in a container's command or
 * args are understood, and the annotations `k3ts.io/simulate-exit-code` and
 * `k3ts.io/simulate-duration` (seconds) override them. Containers of pods with
 * restartPolicy Always run forever; others exit (by default with 0 after one second).
 */
import type { Container, ContainerStatus, Pod, PodStatus } from '../../client/kinds/core.js';

export const EXIT_CODE_ANNOTATION = 'k3ts.io/simulate-exit-code';
export const DURATION_ANNOTATION = 'k3ts.io/simulate-duration';

/** How a pod's run ends: never, or after `afterMs` with `exitCode`. */
export interface SimulatedRun {
  readonly exits: boolean;
  readonly afterMs: number;
  readonly exitCode: number;
}

function containerRun(c: Container): { afterMs?: number; exitCode?: number } {
  const words = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const out: { afterMs?: number; exitCode?: number } = {};
  const sleep = /(?:^|[\s;&|(])sleep\s+(\d+(?:\.\d+)?)/.exec(words);
  if (sleep) out.afterMs = Number(sleep[1]) * 1000;
  const exit = /(?:^|[\s;&|(])exit\s+(\d+)/.exec(words);
  if (exit) out.exitCode = Number(exit[1]);
  else if (/(?:^|[\s;&|(])false(?:$|[\s;&|)])/.test(words)) out.exitCode = 1;
  return out;
}

/** The simulated outcome of a pod. */
export function simulatedRun(pod: Pod): SimulatedRun {
  const ann = pod.metadata.annotations ?? {};
  const restart = pod.spec?.restartPolicy ?? 'Always';
  let afterMs = 1000;
  let exitCode = 0;
  let sawSleep = false;
  for (const c of pod.spec?.containers ?? []) {
    const r = containerRun(c);
    if (r.afterMs !== undefined) { afterMs = sawSleep ? Math.max(afterMs, r.afterMs) : r.afterMs; sawSleep = true; }
    if (r.exitCode !== undefined && exitCode === 0) exitCode = r.exitCode;
  }
  const annCode = Number.parseInt(ann[EXIT_CODE_ANNOTATION] ?? '', 10);
  if (Number.isFinite(annCode)) exitCode = annCode;
  const annDur = Number(ann[DURATION_ANNOTATION]);
  if (ann[DURATION_ANNOTATION] !== undefined && Number.isFinite(annDur)) afterMs = annDur * 1000;
  return { exits: restart !== 'Always', afterMs, exitCode };
}

const t = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function containerStatuses(pod: Pod, state: Record<string, unknown>, ready: boolean, restartCount: number): ContainerStatus[] {
  return (pod.spec?.containers ?? []).map((c) => ({
    name: c.name, ready, started: ready, restartCount, image: c.image ?? '', imageID: `${c.image ?? ''}@sha256:simulated`,
    containerID: `k3ts-sim://${pod.metadata.uid ?? ''}-${c.name}`, state,
  }));
}

/** Status of a pod whose containers are running. */
export function runningStatus(pod: Pod, opts: { hostIP: string; podIP: string; startedAt: number; restartCount?: number }): PodStatus {
  const started = t(opts.startedAt);
  const cond = (type: string): { type: string; status: 'True'; lastProbeTime: null; lastTransitionTime: string } => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: started });
  const status: PodStatus = {
    ...pod.status,
    phase: 'Running',
    conditions: [cond('PodReadyToStartContainers'), cond('Initialized'), cond('Ready'), cond('ContainersReady'), cond('PodScheduled')],
    hostIP: opts.hostIP, hostIPs: [{ ip: opts.hostIP }], podIP: opts.podIP, podIPs: [{ ip: opts.podIP }], startTime: started,
    containerStatuses: containerStatuses(pod, { running: { startedAt: started } }, true, opts.restartCount ?? 0),
  };
  if (pod.spec?.initContainers?.length) {
    status.initContainerStatuses = pod.spec.initContainers.map((c) => ({
      name: c.name, ready: true, restartCount: 0, image: c.image ?? '', imageID: `${c.image ?? ''}@sha256:simulated`,
      containerID: `k3ts-sim://${pod.metadata.uid ?? ''}-${c.name}`,
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: started } },
    }));
  }
  delete status.reason;
  delete status.message;
  return status;
}

/** Status of a pod whose containers exited (Succeeded for 0, Failed otherwise). */
export function finishedStatus(pod: Pod, exitCode: number, finishedAt: number): PodStatus {
  const started = pod.status?.startTime ?? t(finishedAt);
  const finished = t(finishedAt);
  const notReady = (type: string): { type: string; status: 'False'; reason: string; lastProbeTime: null; lastTransitionTime: string } =>
    ({ type, status: 'False', reason: 'PodCompleted', lastProbeTime: null, lastTransitionTime: finished });
  const keep = (pod.status?.conditions ?? []).filter((c) => c.type !== 'Ready' && c.type !== 'ContainersReady' && c.type !== 'PodReadyToStartContainers');
  return {
    ...pod.status,
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    conditions: [{ type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: finished }, ...keep, notReady('Ready'), notReady('ContainersReady')],
    containerStatuses: containerStatuses(pod, { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: started, finishedAt: finished } }, false, pod.status?.containerStatuses?.[0]?.restartCount ?? 0),
  };
}
