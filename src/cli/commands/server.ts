/**
 * @module `k3ts server`: resolve flags, config files and environment into a frozen ServerConfig,
 * configure logging, start the server, and on SIGINT/SIGTERM stop it in reverse and flush logs.
 */
import { aborted } from '../../base/async.js';
import { messageOf } from '../../base/errors.js';
import { closeLogging, configureLogging, logger } from '../../base/log.js';
import { currentHost } from '../../config/host.js';
import { resolveServerConfig } from '../../config/server-config.js';
import { SERVER_FLAGS } from '../flags/server.js';
import { commandHelp } from '../help.js';
import type { Command } from '../io.js';
import { resolveCommandSettings } from '../settings.js';
import { shutdownSignal } from '../signals.js';

const log = logger('server');

export const serverCommand: Command = {
  name: 'server',
  summary: 'Run management server',
  async run(argv, io) {
    const settings = await resolveCommandSettings(SERVER_FLAGS, argv, io.env);
    if (settings.help) {
      io.stdout.write(commandHelp(io.app, SERVER_FLAGS, this.summary));
      return 0;
    }
    const config = resolveServerConfig(settings.flags, currentHost());
    configureLogging(config.log);
    for (const w of settings.warnings) log.warn(w);
    for (const f of settings.configFiles) log.v(1, `read config file ${f}`);
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
