/**
 * @module `k3ts agent`: flags, config files and environment are resolved and checked exactly as
 * for k3s, then the command stops, because the node agent has not landed yet.
 */
import { UnsupportedError } from '../../base/errors.js';
import { resolveAgentConfig } from '../../config/agent-config.js';
import { AGENT_FLAGS } from '../flags/agent.js';
import type { Command } from '../io.js';
import { prepareCommand } from './prepare.js';

export const agentCommand: Command = {
  name: 'agent',
  summary: 'Run node agent',
  async run(argv, io) {
    const config = await prepareCommand(AGENT_FLAGS, argv, { io, summary: this.summary, resolve: resolveAgentConfig });
    if (!config) return 0;
    throw new UnsupportedError(`"${io.app} agent" is not implemented yet: the configuration is valid (server ${config.serverUrl}, node ${config.node.name}), but k3ts cannot run a node agent (kubelet, containerd) yet`);
  },
};
