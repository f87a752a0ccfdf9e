/**
 * @module `k3ts server`: resolve flags, config files and environment into a frozen ServerConfig,
 * start the server, and on SIGINT/SIGTERM stop it in reverse and flush the log.
 */
import { aborted } from '../../base/async.js';
import { messageOf } from '../../base/errors.js';
import { closeLogging, logger } from '../../base/log.js';
import { resolveServerConfig } from '../../config/server-config.js';
import { SERVER_FLAGS } from '../flags/server.js';
import type { Command } from '../io.js';
import { shutdownSignal } from '../signals.js';
import { prepareCommand } from './prepare.js';

const log = logger('server');

export const serverCommand: Command = {
  name: 'server',
  summary: 'Run management server',
  async run(argv, io) {
    const config = await prepareCommand(SERVER_FLAGS, argv, { io, summary: this.summary, resolve: resolveServerConfig });
    if (!config) return 0;
    const stop = shutdownSignal();
    try {
      // Imported lazily so `--help` and config errors never load the server's code.
      const { startServer } = await import('../../server/run.js');
      const server = await startServer(config, { signal: stop.signal });
      await aborted(stop.signal);
      await server.close();
      log.info('k3ts stopped');
      return 0;
    } catch (err) {
      log.error(messageOf(err));
      return 1;
    } finally {
      stop.dispose();
      closeLogging();
    }
  },
};
