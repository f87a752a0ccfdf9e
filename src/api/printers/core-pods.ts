/**
 * @module The pod printer: READY, STATUS (the same reasoning kubectl shows: init progress,
 * waiting/terminated reasons, Terminating, SchedulingGated), RESTARTS with "(Xm ago)", and the
 * wide IP, NODE, NOMINATED NODE, READINESS GATES columns.
 */
import type { KubeObject } from '../meta/object.js';
import { since } from './duration.js';
import { arr, getPath, num, str } from './cells.js';
import { AGE_COLUMN, NAME_COLUMN, type Printer, type RowCondition, col } from './table.js';

const isRestartableInit = (c: unknown) => str(c, 'restartPolicy') === 'Always';
const later = (a: string, b: string) => (b && (!a || Date.parse(b) > Date.parse(a)) ? b : a);

function podStatus(pod: KubeObject): { ready: number; total: number; reason: string; restarts: number; lastRestart: string } {
  const spec = pod['spec'];
  const status = pod['status'];
  const initSpecs = arr(spec, 'initContainers');
  let total = arr(spec, 'containers').length + initSpecs.filter(isRestartableInit).length;
  const initByName = new Map(initSpecs.map((c) => [str(c, 'name'), c]));
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = '';
  let sidecarLastRestart = '';
  const phase = str(status, 'phase');
  let reason = str(status, 'reason') || phase;
  for (const c of arr(status, 'conditions')) {
    if (str(c, 'type') === 'PodScheduled' && str(c, 'reason') === 'SchedulingGated') reason = 'SchedulingGated';
  }
  let initializing = false;
  const initStatuses = arr(status, 'initContainerStatuses');
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const rc = num(c, 'restartCount');
    restarts += rc;
    const finished = str(c, 'lastState', 'terminated', 'finishedAt');
    lastRestart = later(lastRestart, finished);
    const sidecar = isRestartableInit(initByName.get(str(c, 'name')));
    if (sidecar) {
      sidecarRestarts += rc;
      sidecarLastRestart = later(sidecarLastRestart, finished);
    }
    const term = getPath(c, ['state', 'terminated']);
    const waitingReason = str(c, 'state', 'waiting', 'reason');
    if (term !== undefined && num(term, 'exitCode') === 0) continue;
    if (sidecar && getPath(c, ['started']) === true) {
      if (getPath(c, ['ready']) === true) ready++;
      continue;
    }
    if (term !== undefined) {
      const r = str(term, 'reason');
      reason = r ? `Init:${r}` : num(term, 'signal') ? `Init:Signal:${num(term, 'signal')}` : `Init:ExitCode:${num(term, 'exitCode')}`;
    } else if (waitingReason && waitingReason !== 'PodInitializing') {
      reason = `Init:${waitingReason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }
  const initialized = arr(status, 'conditions').some((c) => str(c, 'type') === 'Initialized' && str(c, 'status') === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses = arr(status, 'containerStatuses');
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += num(c, 'restartCount');
      lastRestart = later(lastRestart, str(c, 'lastState', 'terminated', 'finishedAt'));
      const waiting = str(c, 'state', 'waiting', 'reason');
      const term = getPath(c, ['state', 'terminated']);
      if (waiting) reason = waiting;
      else if (term !== undefined && str(term, 'reason')) reason = str(term, 'reason');
      else if (term !== undefined) reason = num(term, 'signal') ? `Signal:${num(term, 'signal')}` : `ExitCode:${num(term, 'exitCode')}`;
      else if (getPath(c, ['ready']) === true && getPath(c, ['state', 'running']) !== undefined) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = arr(status, 'conditions').some((c) => str(c, 'type') === 'Ready' && str(c, 'status') === 'True') ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && str(status, 'reason') === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  total = Math.max(total, 0);
  return { ready, total, reason, restarts, lastRestart };
}

const SUCCEEDED: readonly RowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const FAILED: readonly RowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

export const podPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', { description: 'The aggregate readiness state of this pod for accepting traffic.' }),
    col('Status', { description: 'The aggregate status of the containers in this pod.' }),
    col('Restarts', { description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.' }),
    AGE_COLUMN,
    col('IP', { priority: 1, description: 'The IP address of the pod.' }),
    col('Node', { priority: 1, description: 'The node the pod is bound to.' }),
    col('Nominated Node', { priority: 1, description: 'The node the scheduler nominated for preemption.' }),
    col('Readiness Gates', { priority: 1, description: 'Readiness gates that are true, out of all.' }),
  ],
  row(pod, now) {
    const s = podStatus(pod);
    const restarts = s.restarts !== 0 && s.lastRestart ? `${s.restarts} (${since(s.lastRestart, now)} ago)` : String(s.restarts);
    const status = pod['status'];
    const spec = pod['spec'];
    const ips = arr(status, 'podIPs');
    const ip = (ips.length ? str(ips[0], 'ip') : '') || str(status, 'podIP') || '<none>';
    const gates = arr(spec, 'readinessGates');
    let gatesCell = '<none>';
    if (gates.length) {
      const conds = arr(status, 'conditions');
      const trueCount = gates.filter((g) => conds.some((c) => str(c, 'type') === str(g, 'conditionType') && str(c, 'status') === 'True')).length;
      gatesCell = `${trueCount}/${gates.length}`;
    }
    const phase = str(status, 'phase');
    const row = {
      cells: [pod.metadata.name ?? '', `${s.ready}/${s.total}`, s.reason, restarts, since(pod.metadata.creationTimestamp, now),
        ip, str(spec, 'nodeName') || '<none>', str(status, 'nominatedNodeName') || '<none>', gatesCell],
    };
    if (phase === 'Succeeded') return { ...row, conditions: SUCCEEDED };
    if (phase === 'Failed') return { ...row, conditions: FAILED };
    return row;
  },
};
