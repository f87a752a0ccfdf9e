/**
 * @module The typed, frozen configuration of `k3ts agent`: the server to join, its token,
 * node identity and logging. Pure, like the server's: flag values and host facts in.
 */
import { DEFAULTS } from './defaults.js';
import type { LogConfig, NodeConfig, SimulationConfig, TokenInput } from '../server/config.js';
import type { AgentRunConfig } from '../agent/config.js';
import { deepFreeze, resolveDataDir, resolveLog, resolveNode, resolveSimulation, resolveToken } from './common.js';
import type { HostFacts } from './host.js';
import { badValue, type FlagSettings } from './settings.js';
import { ip } from './validate.js';
import { ConfigError } from '../base/errors.js';

/** The resolved `agent` configuration. */
export interface AgentConfig extends AgentRunConfig {
  readonly command: 'agent';
  readonly log: LogConfig;
  readonly dataDir: string;
  /** --server / $K3S_URL: the supervisor URL to join (https://host:6443). */
  readonly serverUrl: string;
  readonly token: TokenInput;
  readonly bindAddress: string;
  readonly node: NodeConfig;
  /** k3ts's --simulate-* flags: the nodes this agent registers (0: none). */
  readonly simulation: SimulationConfig;
}

/** Builds the frozen AgentConfig; --server and a token are required, as k3s requires them. */
export function resolveAgentConfig(s: FlagSettings, host: HostFacts): AgentConfig {
  const server = s.string('server');
  if (!server?.value) throw new ConfigError('--server (or $K3S_URL) is required: the https:// URL of a k3ts/k3s server to join');
  let url: URL;
  try {
    url = new URL(server.value);
  } catch {
    throw badValue({ name: 'server', source: server.source }, `"${server.value}" is not a URL such as https://server:6443`);
  }
  if (url.protocol !== 'https:') throw badValue({ name: 'server', source: server.source }, `"${server.value}" must be an https:// URL`);
  const token = resolveToken(s, host, { flag: 'token' });
  if (!token) throw new ConfigError('--token or --token-file (or $K3S_TOKEN / $K3S_TOKEN_FILE) is required to join a cluster');
  const bind = s.string('bind-address');
  return deepFreeze({
    command: 'agent',
    log: resolveLog(s, host),
    dataDir: resolveDataDir(s, host),
    serverUrl: server.value,
    token,
    bindAddress: bind?.value ? ip('bind-address', bind) : DEFAULTS.bindAddress,
    node: resolveNode(s, host),
    simulation: resolveSimulation(s),
  });
}
