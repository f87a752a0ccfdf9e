/**
 * @module The common start of `server` and `agent`: resolve flags, config files and environment,
 * answer `--help`, build the typed configuration, then configure logging and report what the
 * configuration files said (warnings, files read).
 */
import { logger, configureLogging } from '../../base/log.js';
import { currentHost, type HostFacts } from '../../config/host.js';
import type { FlagSettings } from '../../config/settings.js';
import type { LogConfig } from '../../server/config.js';
import type { FlagTable } from '../flag.js';
import { commandHelp } from '../help.js';
import type { CommandIo } from '../io.js';
import { resolveCommandSettings } from '../settings.js';

/**
 * Returns the command's configuration, or undefined when help was printed instead. Throws
 * ConfigError/UnsupportedError (the caller prints them) before logging is configured.
 */
export async function prepareCommand<C extends { readonly log: LogConfig }>(
  table: FlagTable,
  argv: readonly string[],
  opts: { io: CommandIo; summary: string; resolve: (flags: FlagSettings, host: HostFacts) => C },
): Promise<C | undefined> {
  const settings = await resolveCommandSettings(table, argv, { env: opts.io.env });
  if (settings.help) {
    opts.io.stdout.write(commandHelp(table, { app: opts.io.app, summary: opts.summary }));
    return undefined;
  }
  const config = opts.resolve(settings.flags, currentHost());
  configureLogging(config.log);
  const log = logger(table.command);
  for (const w of settings.warnings) log.warn(w);
  for (const f of settings.configFiles) log.v(1, `read config file ${f}`);
  return config;
}
