/**
 * @module k3ts's own flags for simulated nodes (no k3s counterpart): `--simulate-nodes N` makes the
 * process register N nodes that run pods without containers (what KWOK does), for testing and
 * load-testing controllers and the scheduler. Grouped `(k3ts/simulation)` in `--help`.
 */
import type { FlagSpec } from '../flag.js';

const GROUP = 'k3ts/simulation';

/** The simulation flags, the same for `server` and `agent`. */
export function simulationFlags(): readonly FlagSpec[] {
  return [
    { name: 'simulate-nodes', type: 'int', group: GROUP, default: 0, env: 'K3TS_SIMULATE_NODES', usage: '(k3ts extension) Register this many simulated nodes that run pods without containers' },
    { name: 'simulate-node-prefix', type: 'string', group: GROUP, default: 'k3ts-sim-', usage: '(k3ts extension) Name prefix of the simulated nodes (names end in a zero-padded index: k3ts-sim-0001)' },
    { name: 'simulate-node-cpu', type: 'string', group: GROUP, default: '32', usage: '(k3ts extension) CPU capacity of each simulated node' },
    { name: 'simulate-node-memory', type: 'string', group: GROUP, default: '256Gi', usage: '(k3ts extension) Memory capacity of each simulated node' },
    { name: 'simulate-node-pods', type: 'string', group: GROUP, default: '110', usage: '(k3ts extension) Pod capacity of each simulated node' },
    { name: 'simulate-node-ephemeral-storage', type: 'string', group: GROUP, default: '100Gi', usage: '(k3ts extension) Ephemeral storage capacity of each simulated node' },
    { name: 'simulate-node-resource', type: 'list', split: true, group: GROUP, valueName: 'NAME=QUANTITY', usage: '(k3ts extension) Extended resource capacity of each simulated node (example.com/gpu=4)' },
    { name: 'simulate-node-label', type: 'list', group: GROUP, usage: '(k3ts extension) Extra label (key=value) of every simulated node' },
    { name: 'simulate-node-taint', type: 'list', group: GROUP, usage: '(k3ts extension) Taint (key=value:Effect) of every simulated node' },
    { name: 'simulate-node-zones', type: 'int', group: GROUP, default: 0, usage: '(k3ts extension) Spread the simulated nodes over this many topology.kubernetes.io/zone values (0: no zone label)' },
  ];
}
