/**
 * @module The `agent` flag table, in the order and groups of `k3s agent --help`.
 */
import { DEFAULTS } from '../../config/defaults.js';
import { FlagTable } from '../flag.js';
import { COMMON_FLAGS } from './common.js';
import { simulationFlags } from './simulation.js';
import { DEPRECATED_NODE_FLAGS, EXPERIMENTAL_FLAGS, NODE_IDENTITY_FLAGS, NODE_NETWORK_FLAGS, NODE_TAIL_FLAGS, PASSTHROUGH_NODE_FLAGS, RUNTIME_FLAGS } from './node.js';

export const AGENT_FLAGS = new FlagTable('agent', [
  ...COMMON_FLAGS,
  { name: 'token', short: 't', type: 'string', group: 'cluster', env: 'K3S_TOKEN', usage: 'Token to use for authentication' },
  { name: 'token-file', type: 'string', group: 'cluster', env: 'K3S_TOKEN_FILE', usage: 'Token file to use for authentication' },
  { name: 'server', short: 's', type: 'string', group: 'cluster', env: 'K3S_URL', usage: 'Server to connect to' },
  { name: 'data-dir', short: 'd', type: 'string', group: 'agent/data', env: 'K3S_DATA_DIR', usage: 'Folder to hold state', default: DEFAULTS.dataDirRoot },
  ...NODE_IDENTITY_FLAGS,
  ...NODE_TAIL_FLAGS,
  ...PASSTHROUGH_NODE_FLAGS.filter((f) => f.name === 'protect-kernel-defaults'),
  ...RUNTIME_FLAGS.filter((f) => f.name !== 'docker'),
  ...NODE_NETWORK_FLAGS.slice(0, 1),
  { name: 'bind-address', type: 'string', group: 'listener', usage: 'k3s bind address', default: DEFAULTS.bindAddress },
  ...NODE_NETWORK_FLAGS.slice(1),
  ...PASSTHROUGH_NODE_FLAGS.filter((f) => f.name !== 'protect-kernel-defaults'),
  ...EXPERIMENTAL_FLAGS,
  ...RUNTIME_FLAGS.filter((f) => f.name === 'docker'),
  {
    name: 'disable-apiserver-lb', type: 'bool', group: 'agent/networking', unsupported: 'the agent load balancer is not implemented yet',
    usage: '(experimental) Disable the agent client-side load-balancer and connect directly to the configured server address',
  },
  ...DEPRECATED_NODE_FLAGS,
  ...simulationFlags(),
]);
