/**
 * @module The HorizontalPodAutoscaler's arithmetic (replica_calculator.go): resource
 * utilization of a set of pods against their requests, the replica count it asks for (with the
 * 10% tolerance), and the scale-down stabilization window.
 */

export const TOLERANCE = 0.1;

export interface PodUsage {
  /** Summed container usage (milli-CPU or bytes). */
  readonly usage: number;
  /** Summed container requests of the same resource; 0 when a container has none. */
  readonly request: number;
}

/** Average utilization in percent of request, or undefined when some pod requests nothing. */
export function utilization(pods: readonly PodUsage[]): number | undefined {
  if (pods.length === 0) return undefined;
  let usage = 0;
  let request = 0;
  for (const p of pods) {
    if (p.request <= 0) return undefined;
    usage += p.usage;
    request += p.request;
  }
  return Math.floor((usage * 100) / request);
}

/** The replicas a utilization asks for: unchanged within the tolerance, else ceil(current · ratio). */
export function desiredReplicas(current: number, currentUtilization: number, targetUtilization: number): number {
  const ratio = currentUtilization / targetUtilization;
  if (Math.abs(ratio - 1) <= TOLERANCE) return current;
  return Math.ceil(ratio * current);
}

/**
 * Scale-down stabilization: the highest recommendation within the window (upstream's default
 * 300 s), so a brief dip does not shrink the workload. Mutates and returns `history`.
 */
export function stabilize(history: { at: number; replicas: number }[], recommendation: number, now: number, windowMs: number): number {
  history.push({ at: now, replicas: recommendation });
  while (history.length && (history[0]?.at ?? now) < now - windowMs) history.shift();
  return Math.max(...history.map((h) => h.replicas));
}
