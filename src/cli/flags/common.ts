/**
 * @module Flags every long-running command shares: the config file and logging (k3s's
 * ConfigFlag, DebugFlag, VLevel, VModule, LogFile, AlsoLogToStderr).
 */
import { DEFAULTS } from '../../config/defaults.js';
import type { FlagSpec } from '../flag.js';

export const CONFIG_FLAG: FlagSpec = {
  name: 'config', short: 'c', type: 'string', group: 'config', valueName: 'FILE',
  usage: 'Load configuration from FILE', default: DEFAULTS.configFile, env: 'K3S_CONFIG_FILE',
};

export const LOGGING_FLAGS: readonly FlagSpec[] = [
  { name: 'debug', type: 'bool', group: 'logging', usage: 'Turn on debug logs', env: 'K3S_DEBUG' },
  { name: 'v', type: 'int', group: 'logging', usage: 'Number for the log level verbosity', default: 0 },
  {
    name: 'vmodule', type: 'string', group: 'logging', usage: 'Comma-separated list of FILE_PATTERN=LOG_LEVEL settings for file-filtered logging',
    unsupported: 'k3ts logs per component, not per source file; use -v',
  },
  { name: 'log', short: 'l', type: 'string', group: 'logging', usage: 'Log to file' },
  { name: 'alsologtostderr', type: 'bool', group: 'logging', usage: 'Log to standard error as well as file (if set)' },
];

/** `--config` first, then logging: the order k3s prints them. */
export const COMMON_FLAGS: readonly FlagSpec[] = [CONFIG_FLAG, ...LOGGING_FLAGS];
