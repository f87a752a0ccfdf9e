/**
 * @module One precedence rule for every flag: command line > config files > K3S_* environment >
 * default (the typed config applies defaults). A repeatable flag takes its whole list from the
 * highest layer that sets it. Flags k3ts lacks are refused wherever they are set.
 */
import { ConfigError, UnsupportedError } from '../base/errors.js';
import { logger } from '../base/log.js';
import { DEFAULTS } from '../config/defaults.js';
import { describeSource, type FlagSettings, type ListSetting, type ScalarSetting, type ValueSource } from '../config/settings.js';
import { coerce, parseArgv, type RawValue } from './argv.js';
import { configFileList, loadConfigFiles } from './config-file.js';
import { unsupportedMessage, type FlagSpec, type FlagTable } from './flag.js';

const log = logger('cli');

/** Resolved flag values; implements the FlagSettings contract the typed config reads. */
export class ResolvedFlags implements FlagSettings {
  constructor(private readonly table: FlagTable, private readonly values: ReadonlyMap<string, readonly RawValue[]>) {}

  private scalar<T>(name: string, type: FlagSpec['type']): ScalarSetting<T> | undefined {
    const spec = this.table.lookup(name);
    if (!spec || spec.type !== type) throw new Error(`flag table ${this.table.command}: no ${type} flag --${name}`);
    const list = this.values.get(spec.name);
    const last = list?.[list.length - 1];
    return last ? { value: last.value as T, source: last.source } : undefined;
  }

  string(name: string): ScalarSetting<string> | undefined { return this.scalar<string>(name, 'string'); }
  bool(name: string): ScalarSetting<boolean> | undefined { return this.scalar<boolean>(name, 'bool'); }
  int(name: string): ScalarSetting<number> | undefined { return this.scalar<number>(name, 'int'); }

  list(name: string): ListSetting {
    const spec = this.table.lookup(name);
    if (!spec || spec.type !== 'list') throw new Error(`flag table ${this.table.command}: no list flag --${name}`);
    return { items: (this.values.get(spec.name) ?? []).map((v) => ({ value: String(v.value), source: v.source })) };
  }
}

/** The K3S_* (and other) environment variables of the table's flags, as values. */
export function envValues(table: FlagTable, env: NodeJS.ProcessEnv): Map<string, RawValue[]> {
  const out = new Map<string, RawValue[]>();
  for (const spec of table.flags) {
    const text = spec.env ? env[spec.env] : undefined;
    if (!spec.env || text === undefined || text === '') continue;
    // Only K3S_* variables state intent towards k3s; AWS_ACCESS_KEY_ID and the like are not read for flags k3ts lacks.
    if (spec.unsupported && !spec.env.startsWith('K3S_')) continue;
    const source: ValueSource = { kind: 'env', name: spec.env };
    // urfave/cli splits list variables on commas.
    const items = spec.type === 'list' ? text.split(',').map((s) => s.trim()).filter(Boolean) : coerce(spec, text, { where: `$${spec.env}` });
    out.set(spec.name, items.map((value) => ({ value, source })));
  }
  return out;
}

/** True when an explicit value only restates k3s's default: harmless even for a flag k3ts lacks. */
function isDefault(spec: FlagSpec, values: readonly RawValue[]): boolean {
  if (spec.type === 'list') return values.length === 0;
  const v = values[values.length - 1]?.value;
  if (spec.type === 'bool') return v === (spec.default ?? false);
  return spec.default !== undefined && String(v) === String(spec.default);
}

function refuseUnsupported(table: FlagTable, layers: ReadonlyArray<ReadonlyMap<string, readonly RawValue[]>>): void {
  for (const layer of layers) {
    for (const [name, values] of layer) {
      const spec = table.lookup(name);
      if (!spec?.unsupported) continue;
      const source = values[values.length - 1]?.source ?? { kind: 'default' };
      if (isDefault(spec, values)) {
        log.v(1, `${describeSource(name, source)} restates k3s's default for an unsupported flag; accepted`);
        continue;
      }
      throw new UnsupportedError(`${unsupportedMessage(spec)} (set by ${describeSource(name, source)})`);
    }
  }
}

/** Where the config file is: $K3S_CONFIG_FILE first, then --config, as k3s's parser looks. */
export function configLocation(cli: ReadonlyMap<string, readonly RawValue[]>, env: NodeJS.ProcessEnv): { path: string; explicit: boolean } {
  const flag = cli.get('config');
  const fromCli = flag?.[flag.length - 1]?.value;
  const fromEnv = env['K3S_CONFIG_FILE'];
  if (fromEnv) {
    if (typeof fromCli === 'string' && fromCli !== fromEnv) log.warn(`$K3S_CONFIG_FILE=${fromEnv} takes precedence over --config ${fromCli}, as in k3s`);
    return { path: fromEnv, explicit: true };
  }
  if (typeof fromCli === 'string' && fromCli) return { path: fromCli, explicit: true };
  return { path: DEFAULTS.configFile, explicit: false };
}

/** Everything a command needs from its flags. */
export interface CommandSettings {
  readonly flags: ResolvedFlags;
  readonly help: boolean;
  readonly configFiles: readonly string[];
  /** Warnings to log once logging is configured (unknown config keys and the like). */
  readonly warnings: readonly string[];
}

/** Parses argv, reads config files and the environment, merges them and refuses unsupported flags. */
export async function resolveCommandSettings(table: FlagTable, argv: readonly string[], opts: { env: NodeJS.ProcessEnv }): Promise<CommandSettings> {
  const env = opts.env;
  const cli = parseArgv(table, argv);
  if (cli.positionals.length) throw new ConfigError(`unexpected argument "${cli.positionals[0] ?? ''}": "${table.command}" takes flags only`);
  const empty = new ResolvedFlags(table, new Map());
  if (cli.help) return { flags: empty, help: true, configFiles: [], warnings: [] };
  const where = configLocation(cli.values, env);
  // k3s can fetch its config file over HTTP; k3ts reads local files only, and says so.
  if (/^https?:\/\//i.test(where.path)) throw new UnsupportedError(`reading the config file from a URL (${where.path}) is not supported by k3ts yet`);
  const files = await configFileList(where.path);
  const warnings: string[] = [];
  if (where.explicit && files.length === 0) warnings.push(`config file ${where.path} does not exist and has no drop-ins; continuing without it, as k3s does`);
  const fromFiles = await loadConfigFiles(table, files);
  warnings.push(...fromFiles.warnings);
  const fromEnv = envValues(table, env);
  refuseUnsupported(table, [cli.values, fromFiles.values, fromEnv]);
  const merged = new Map<string, RawValue[]>(fromEnv);
  for (const [k, v] of fromFiles.values) merged.set(k, v);
  for (const [k, v] of cli.values) merged.set(k, v);
  return { flags: new ResolvedFlags(table, merged), help: false, configFiles: files, warnings };
}
