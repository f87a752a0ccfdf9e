/**
 * @module Resource arithmetic as the scheduler does it: quantities as integers (millicores,
 * bytes, counts), a pod's effective request computed like resourcehelper.PodRequests (containers
 * summed, init containers as a maximum, sidecars added, overhead on top, limits standing in for
 * missing requests as API defaulting would have set them), and a node's allocatable.
 */
import { Quantity } from '../api/quantity.js';
import type { Container, Node, Pod, ResourceList } from '../client/kinds/core.js';

/** Requested or allocatable resources. `scalar` holds extended resources, hugepages, ... */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Allocatable pods (for nodes); unused for requests. */
  pods: number;
  scalar: Map<string, number> | undefined;
}

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: undefined };
}

/** Extended and prefixed native resources (`example.com/gpu`), hugepages and attachable volumes. */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  return name.includes('/') && !name.startsWith('requests.');
}

const SIMPLE = /^(\d{1,15})(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;
const FACTOR: Readonly<Record<string, number>> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A quantity's value; unparsable quantities count as zero (validation rejects them upstream). */
export function quantityValue(q: unknown, milli = false): number {
  if (q === undefined || q === null) return 0;
  // Most requests look like "100m", "64Mi" or "2": exact in doubles, no need for big integers.
  const m = typeof q === 'string' ? SIMPLE.exec(q) : undefined;
  if (m) {
    const n = Number(m[1]);
    if (m[2] === 'm') return milli ? n : Math.ceil(n / 1000);
    const v = n * (FACTOR[m[2] ?? ''] ?? 1);
    if (Number.isSafeInteger(v * 1000)) return milli ? v * 1000 : v;
  }
  try {
    const v = Quantity.from(q);
    return milli ? v.milliValue() : v.value();
  } catch {
    return 0;
  }
}

/** Adds a ResourceList into `r` (op 'add') or raises `r` to it ('max'). */
export function accumulate(r: Resources, list: ResourceList | undefined, op: 'add' | 'max'): void {
  if (!list) return;
  for (const [name, q] of Object.entries(list)) {
    const f = op === 'add' ? (a: number, b: number) => a + b : Math.max;
    switch (name) {
      case 'cpu': r.milliCPU = f(r.milliCPU, quantityValue(q, true)); break;
      case 'memory': r.memory = f(r.memory, quantityValue(q)); break;
      case 'ephemeral-storage': r.ephemeralStorage = f(r.ephemeralStorage, quantityValue(q)); break;
      case 'pods': r.pods = f(r.pods, quantityValue(q)); break;
      default:
        if (isScalarResourceName(name)) {
          r.scalar ??= new Map();
          r.scalar.set(name, f(r.scalar.get(name) ?? 0, quantityValue(q)));
        }
    }
  }
}

export function addResources(into: Resources, r: Resources, sign = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  if (r.scalar) {
    into.scalar ??= new Map();
    for (const [k, v] of r.scalar) into.scalar.set(k, (into.scalar.get(k) ?? 0) + sign * v);
  }
}

/** Requests with limits filling in what is missing (SetDefaults_ResourceRequirements). */
function containerRequests(c: Container): ResourceList {
  const res = c.resources;
  if (!res?.limits) return res?.requests ?? {};
  return { ...res.limits, ...(res.requests ?? {}) };
}

/** The scoring defaults for containers that request no cpu or memory (100m, 200 MiB). */
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

/**
 * The pod's effective request (for NodeResourcesFit) and the same with the scoring defaults
 * for containers that leave cpu or memory unset (for the allocation scores).
 */
export function podRequests(pod: Pod): { requests: Resources; nonZero: { milliCPU: number; memory: number } } {
  const spec = pod.spec;
  const requests = emptyResources();
  const nonZero = { milliCPU: 0, memory: 0 };
  if (!spec) return { requests, nonZero };
  const nz = (list: ResourceList): { milliCPU: number; memory: number } => ({
    milliCPU: list['cpu'] !== undefined ? quantityValue(list['cpu'], true) : DEFAULT_MILLI_CPU,
    memory: list['memory'] !== undefined ? quantityValue(list['memory']) : DEFAULT_MEMORY,
  });
  for (const c of spec.containers ?? []) {
    const list = containerRequests(c);
    accumulate(requests, list, 'add');
    const n = nz(list);
    nonZero.milliCPU += n.milliCPU;
    nonZero.memory += n.memory;
  }
  // Init containers run one at a time before the app containers; restartable ones (sidecars)
  // keep running, so they add to everything started after them.
  const sidecars = emptyResources();
  const sidecarsNz = { milliCPU: 0, memory: 0 };
  const initMax = emptyResources();
  const initMaxNz = { milliCPU: 0, memory: 0 };
  for (const c of spec.initContainers ?? []) {
    const list = containerRequests(c);
    const r = emptyResources();
    accumulate(r, list, 'add');
    const n = nz(list);
    if (c.restartPolicy === 'Always') {
      addResources(requests, r);
      nonZero.milliCPU += n.milliCPU;
      nonZero.memory += n.memory;
      addResources(sidecars, r);
      sidecarsNz.milliCPU += n.milliCPU;
      sidecarsNz.memory += n.memory;
      maxInto(initMax, sidecars);
      initMaxNz.milliCPU = Math.max(initMaxNz.milliCPU, sidecarsNz.milliCPU);
      initMaxNz.memory = Math.max(initMaxNz.memory, sidecarsNz.memory);
    } else {
      addResources(r, sidecars);
      maxInto(initMax, r);
      initMaxNz.milliCPU = Math.max(initMaxNz.milliCPU, n.milliCPU + sidecarsNz.milliCPU);
      initMaxNz.memory = Math.max(initMaxNz.memory, n.memory + sidecarsNz.memory);
    }
  }
  maxInto(requests, initMax);
  nonZero.milliCPU = Math.max(nonZero.milliCPU, initMaxNz.milliCPU);
  nonZero.memory = Math.max(nonZero.memory, initMaxNz.memory);
  if (spec.overhead) {
    accumulate(requests, spec.overhead, 'add');
    const o = emptyResources();
    accumulate(o, spec.overhead, 'add');
    nonZero.milliCPU += o.milliCPU;
    nonZero.memory += o.memory;
  }
  return { requests, nonZero };
}

function maxInto(into: Resources, r: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  if (r.scalar) {
    into.scalar ??= new Map();
    for (const [k, v] of r.scalar) into.scalar.set(k, Math.max(into.scalar.get(k) ?? 0, v));
  }
}

/** status.allocatable (falling back to capacity, as the kubelet reports both). */
export function nodeAllocatable(node: Node): Resources {
  const r = emptyResources();
  accumulate(r, node.status?.allocatable ?? node.status?.capacity, 'add');
  return r;
}
