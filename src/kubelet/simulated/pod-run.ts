/**
 * @module A simulated pod's life: containers start together once the init containers completed
 * (at once), run until their exit plan says so, and are restarted as the restart policy asks
 * (with a short simulated back-off); the pod's phase follows as the kubelet computes it
 * (Succeeded when every container exited 0 and none restarts, Failed when one failed under
 * Never). Pure state plus a status renderer; no API calls here.
 */
import { createHash } from 'node:crypto';
import type { Condition, Container, ContainerStatus, Pod, PodStatus } from '../../client/kinds/core.js';
import { exitPlan, type ExitPlan } from './exit-plan.js';

/** Back-off before a restart: 1 s doubling to 30 s (the kubelet's is 10 s to 5 min). */
export function restartBackoffMs(restarts: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(restarts, 5));
}

interface Terminated {
  readonly code: number;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export interface ContainerRun {
  readonly spec: Container;
  readonly plan: ExitPlan | undefined;
  restarts: number;
  startedAt: number;
  /** Set while the container is exited (waiting for a restart or done for good). */
  terminated: Terminated | undefined;
  last: Terminated | undefined;
  /** When a terminated container starts again; undefined when it never will. */
  restartAt: number | undefined;
}

/** One started pod. */
export interface PodRun {
  readonly uid: string;
  readonly podIP: string;
  readonly hostIP: string;
  readonly startedAt: number;
  readonly containers: ContainerRun[];
  readonly initFailed: { name: string; code: number } | undefined;
}

/** Starts `pod` at `now`: init containers complete at once (a non-zero plan fails the pod). */
export function startPod(pod: Pod, o: { podIP: string; hostIP: string; now: number }): PodRun {
  let initFailed: PodRun['initFailed'];
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy === 'Always') continue;
    const p = exitPlan(pod, c);
    if (p && p.code !== 0) {
      initFailed = { name: c.name, code: p.code };
      break;
    }
  }
  const containers = (pod.spec?.containers ?? []).map((c): ContainerRun => ({
    spec: c, plan: exitPlan(pod, c), restarts: 0, startedAt: o.now, terminated: undefined, last: undefined, restartAt: undefined,
  }));
  return { uid: pod.metadata.uid ?? '', podIP: o.podIP, hostIP: o.hostIP, startedAt: o.now, containers, initFailed };
}

/** Applies exits and restarts due by `now`; returns true when anything changed. */
export function advance(pod: Pod, run: PodRun, now: number): boolean {
  if (run.initFailed) return false;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  let changed = false;
  for (const c of run.containers) {
    if (!c.terminated && c.plan && c.startedAt + c.plan.afterMs <= now) {
      c.terminated = { code: c.plan.code, startedAt: c.startedAt, finishedAt: c.startedAt + c.plan.afterMs };
      const again = policy === 'Always' || (policy === 'OnFailure' && c.plan.code !== 0);
      c.restartAt = again ? c.terminated.finishedAt + restartBackoffMs(c.restarts) : undefined;
      changed = true;
    }
    if (c.terminated && c.restartAt !== undefined && c.restartAt <= now) {
      c.last = c.terminated;
      c.terminated = undefined;
      c.restartAt = undefined;
      c.restarts++;
      c.startedAt = now;
      changed = true;
    }
  }
  return changed;
}

/** The next time something happens to the pod, if ever. */
export function nextEvent(run: PodRun): number | undefined {
  let next: number | undefined;
  const at = (t: number | undefined): void => { if (t !== undefined && (next === undefined || t < next)) next = t; };
  for (const c of run.containers) at(c.terminated ? c.restartAt : c.plan ? c.startedAt + c.plan.afterMs : undefined);
  return next;
}

export function phaseOf(pod: Pod, run: PodRun): 'Running' | 'Succeeded' | 'Failed' {
  if (run.initFailed) return 'Failed';
  if (run.containers.some((c) => !c.terminated || c.restartAt !== undefined)) return 'Running';
  return run.containers.every((c) => c.terminated?.code === 0) ? 'Succeeded' : 'Failed';
}

/** 128 + SIGKILL. */
const KILLED_EXIT_CODE = 137;

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** A stable fake container ID for a container instance. */
function containerId(uid: string, name: string, restarts: number): string {
  return `sim://${createHash('sha256').update(`${uid}/${name}/${restarts}`).digest('hex')}`;
}

function terminatedState(t: Terminated, id: string): Record<string, unknown> {
  return { terminated: { exitCode: t.code, reason: t.code === 0 ? 'Completed' : 'Error', startedAt: iso(t.startedAt), finishedAt: iso(t.finishedAt), containerID: id } };
}

function containerStatus(run: PodRun, c: ContainerRun): ContainerStatus {
  const image = c.spec.image ?? '';
  const id = containerId(run.uid, c.spec.name, c.restarts);
  const st: ContainerStatus = {
    name: c.spec.name, image, imageID: `sim://${image}`, containerID: id, restartCount: c.restarts,
    ready: !c.terminated, started: !c.terminated, state: {}, lastState: {},
  };
  if (!c.terminated) st.state = { running: { startedAt: iso(c.startedAt) } };
  else if (c.restartAt !== undefined) st.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off restarting failed container ${c.spec.name} in pod` } };
  else st.state = terminatedState(c.terminated, id);
  if (c.restartAt !== undefined && c.terminated) st.lastState = terminatedState(c.terminated, id);
  else if (c.last) st.lastState = terminatedState(c.last, containerId(run.uid, c.spec.name, c.restarts - 1));
  return st;
}

function cond(type: string, ok: boolean, now: string, reason?: string, message?: string): Condition {
  const c: Condition = { type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The status the kubelet would report for `run` (conditions keep their transition times when unchanged). */
export function renderStatus(pod: Pod, run: PodRun, now: number): PodStatus {
  const phase = phaseOf(pod, run);
  const at = iso(now);
  const prev = new Map((pod.status?.conditions ?? []).map((c) => [c.type, c]));
  const keep = (c: Condition): Condition => {
    const p = prev.get(c.type);
    return p && p.status === c.status && p.reason === c.reason ? { ...c, lastTransitionTime: p.lastTransitionTime ?? at } : c;
  };
  const statuses = run.containers.map((c) => containerStatus(run, c));
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const done = phase !== 'Running';
  const readyReason = done ? 'PodCompleted' : unready.length ? 'ContainersNotReady' : undefined;
  const readyMsg = !done && unready.length ? `containers with unready status: [${unready.join(' ')}]` : undefined;
  const init = (pod.spec?.initContainers ?? []).map((c): ContainerStatus => {
    const id = containerId(run.uid, c.name, 0);
    const failed = run.initFailed?.name === c.name;
    const sidecar = c.restartPolicy === 'Always';
    return {
      name: c.name, image: c.image ?? '', imageID: `sim://${c.image ?? ''}`, containerID: id, restartCount: 0, ready: !failed, started: sidecar,
      state: sidecar ? { running: { startedAt: iso(run.startedAt) } } : terminatedState({ code: failed ? run.initFailed?.code ?? 1 : 0, startedAt: run.startedAt, finishedAt: run.startedAt }, id),
      lastState: {},
    };
  });
  const conditions = [
    keep(cond('PodReadyToStartContainers', !done, at)),
    keep(cond('Initialized', !run.initFailed, at, run.initFailed ? 'ContainersNotInitialized' : undefined)),
    keep(cond('Ready', !done && unready.length === 0, at, readyReason, readyMsg)),
    keep(cond('ContainersReady', !done && unready.length === 0, at, readyReason, readyMsg)),
    ...(pod.status?.conditions ?? []).filter((c) => c.type === 'PodScheduled' || c.type === 'DisruptionTarget'),
  ];
  const status: PodStatus = {
    phase, conditions, hostIP: run.hostIP, hostIPs: [{ ip: run.hostIP }], podIP: run.podIP, podIPs: [{ ip: run.podIP }],
    startTime: iso(run.startedAt), containerStatuses: statuses,
  };
  if (init.length) status.initContainerStatuses = init;
  return status;
}

/**
 * The final status of a pod being deleted: every running container killed (exit 137, what a
 * process that ignores SIGTERM reports after the grace period), phase from the exits.
 */
export function renderTerminated(pod: Pod, run: PodRun, now: number): PodStatus {
  for (const c of run.containers) {
    if (!c.terminated) c.terminated = { code: KILLED_EXIT_CODE, startedAt: c.startedAt, finishedAt: now };
    c.restartAt = undefined;
  }
  return renderStatus(pod, run, now);
}

/** Rebuilds the run of a pod started before a restart of the simulator, from its status. */
export function resumePod(pod: Pod, o: { podIP: string; hostIP: string; now: number }): PodRun {
  const run = startPod(pod, { ...o, now: Date.parse(pod.status?.startTime ?? '') || o.now });
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  for (const c of run.containers) {
    const s = statuses.get(c.spec.name);
    if (!s) continue;
    c.restarts = s.restartCount;
    const running = (s.state?.['running'] as { startedAt?: string } | undefined)?.startedAt;
    if (running) c.startedAt = Date.parse(running) || c.startedAt;
  }
  return run;
}
