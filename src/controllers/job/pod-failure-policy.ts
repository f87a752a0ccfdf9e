/**
 * @module podFailurePolicy evaluation: the first rule whose exit codes or pod conditions match
 * a failed pod decides: FailJob, FailIndex, Ignore or Count (the default when none matches).
 */
import type { JobSpec, PodFailurePolicyRule } from '../../client/kinds/batch.js';
import type { Pod } from '../../client/kinds/core.js';

export interface PolicyDecision {
  readonly action: PodFailurePolicyRule['action'];
  readonly message?: string;
}

interface Terminated {
  exitCode?: number;
}

function exitCodes(p: Pod, container: string | undefined): { name: string; code: number }[] {
  const out: { name: string; code: number }[] = [];
  for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) {
    if (container && cs.name !== container) continue;
    const t = cs.state?.['terminated'] as Terminated | undefined;
    if (t?.exitCode !== undefined && t.exitCode !== 0) out.push({ name: cs.name, code: t.exitCode });
  }
  return out;
}

/** What the policy says about a failed pod (Count when there is no policy or no rule matches). */
export function evaluatePolicy(spec: JobSpec, p: Pod): PolicyDecision {
  const rules = spec.podFailurePolicy?.rules ?? [];
  for (const [i, r] of rules.entries()) {
    if (r.onExitCodes) {
      const { operator, values, containerName } = r.onExitCodes;
      const hit = exitCodes(p, containerName).find((e) => (operator === 'In' ? values.includes(e.code) : !values.includes(e.code)));
      if (hit) {
        return { action: r.action, message: `Container ${hit.name} for pod ${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''} failed with exit code ${hit.code} matching ${r.action} rule at index ${i}` };
      }
    }
    if (r.onPodConditions) {
      const hit = r.onPodConditions.find((pc) => p.status?.conditions?.some((c) => c.type === pc.type && c.status === (pc.status ?? 'True')));
      if (hit) {
        return { action: r.action, message: `Pod ${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''} has condition ${hit.type} matching ${r.action} rule at index ${i}` };
      }
    }
  }
  return { action: 'Count' };
}
