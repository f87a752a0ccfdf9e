/**
 * @module `k3ts agent`: flags, config files and environment are resolved and checked exactly as
 * for k3s. With --simulate-nodes the agent joins the server and runs that many simulated nodes
 * until SIGINT/SIGTERM; without, it stops, because the real node agent has not landed yet.
 */
import { aborted } from '../../base/async.js';
import { UnsupportedError, messageOf } from '../../base/errors.js';
import { closeLogging, logger } from '../../base/log.js';
import { resolveAgentConfig } from '../../config/agent-config.js';
import { DEFAULTS } from '../../config/defaults.js';
import { AGENT_FLAGS } from '../flags/agent.js';
import type { Command } from '../io.js';
import { shutdownSignal } from '../signals.js';
import { prepareCommand } from './prepare.js';

const log = logger('agent');

export const agentCommand: Command = {
  name: 'agent',
  summary: 'Run node agent',
  async run(argv, io) {
    const config = await prepareCommand(AGENT_FLAGS, argv, { io, summary: this.summary, resolve: resolveAgentConfig });
    if (!config) return 0;
    if (config.simulation.nodes === 0) {
      throw new UnsupportedError(`"${io.app} agent" is not implemented yet: the configuration is valid (server ${config.serverUrl}, node ${config.node.name}), but k3ts cannot run a node agent (kubelet, containerd) yet; --simulate-nodes N runs simulated nodes`);
    }
    const stop = shutdownSignal();
    try {
      // Imported lazily so `--help` and config errors never load the agent's code.
      const { startAgent } = await import('../../agent/run.js');
      const agent = await startAgent(config, { signal: stop.signal, defaultDataDir: DEFAULTS.dataDirRoot });
      log.info(`k3ts agent is up: ${agent.simulated.names.length} simulated nodes joined ${config.serverUrl}`);
      await aborted(stop.signal);
      await agent.close();
      log.info('k3ts agent stopped');
      return 0;
    } catch (err) {
      if (stop.signal.aborted) return 0;
      log.error(messageOf(err));
      return 1;
    } finally {
      stop.dispose();
      closeLogging();
    }
  },
};
