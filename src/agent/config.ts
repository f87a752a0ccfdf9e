/**
 * @module What the agent needs to run, as the config layer resolves it (config/agent-config.ts
 * builds it from flags): the server to join, the token, the data dir and the simulated nodes.
 */
import type { ParsedToken } from '../pki/token.js';

/** The simulated nodes this agent registers (k3ts's --simulate-* flags). */
export interface AgentSimulation {
  readonly nodes: number;
  readonly namePrefix: string;
  readonly capacity: Readonly<Record<string, string>>;
  readonly labels: readonly { readonly key: string; readonly value: string }[];
  readonly taints: readonly { readonly key: string; readonly value: string; readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  readonly zones: number;
}

/** The part of the resolved `agent` configuration the agent runs on. */
export interface AgentRunConfig {
  readonly dataDir: string;
  /** --server: https://host:port of the supervisor. */
  readonly serverUrl: string;
  readonly token: { readonly parsed: ParsedToken; readonly source: string };
  readonly simulation: AgentSimulation;
}
