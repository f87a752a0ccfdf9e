/**
 * @module `k3ts agent`: flags, config files and environment are resolved and checked exactly as
 * for k3s, then the command stops, because the node agent has not landed yet.
 */
import { UnsupportedError } from '../../base/errors.js';
import { configureLogging, logger } from '../../base/log.js';
import { resolveAgentConfig } from '../../config/agent-config.js';
import { currentHost } from '../../config/host.js';
import { AGENT_FLAGS } from '../flags/agent.js';
import { commandHelp } from '../help.js';
import type { Command } from '../io.js';
import { resolveCommandSettings } from '../settings.js';

const log = logger('agent');

export const agentCommand: Command = {
  name: 'agent',
  summary: 'Run node agent',
  async run(argv, io) {
    const settings = await resolveCommandSettings(AGENT_FLAGS, argv, io.env);
    if (settings.help) {
      io.stdout.write(commandHelp(io.app, AGENT_FLAGS, this.summary));
      return 0;
    }
    const config = resolveAgentConfig(settings.flags, currentHost());
    configureLogging(config.log);
    for (const w of settings.warnings) log.warn(w);
    throw new UnsupportedError(`"${io.app} agent" is not implemented yet: the configuration is valid (server ${config.serverUrl}, node ${config.node.name}), but k3ts cannot run a node agent (kubelet, containerd) yet`);
  },
};
