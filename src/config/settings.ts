/**
 * @module The contract between the command line and the typed configuration: the flag values
 * the CLI resolved (command line > config files > K3S_* environment > default), each
 * remembering where it came from so that every error can name the flag, file/key or variable.
 */
import { ConfigError } from '../base/errors.js';

/** Where a value came from. */
export type ValueSource =
  | { readonly kind: 'cli'; readonly flag: string }
  | { readonly kind: 'file'; readonly file: string; readonly key: string }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'default' };

/** A scalar flag value (string, boolean or integer flags). */
export interface ScalarSetting<T> {
  readonly value: T;
  readonly source: ValueSource;
}

/** The items of a repeatable flag, each with its own source. */
export interface ListSetting {
  readonly items: readonly ScalarSetting<string>[];
}

/** Read access to resolved flag values, by long flag name. Implemented by the CLI. */
export interface FlagSettings {
  string(name: string): ScalarSetting<string> | undefined;
  bool(name: string): ScalarSetting<boolean> | undefined;
  int(name: string): ScalarSetting<number> | undefined;
  list(name: string): ListSetting;
}

/** "--flag", "key 'k' in /etc/x.yaml", "$K3S_X" or "the default": the origin, for messages. */
export function describeSource(name: string, source: ValueSource): string {
  switch (source.kind) {
    case 'cli': return `--${name}`;
    case 'file': return `key "${source.key}" in ${source.file}`;
    case 'env': return `$${source.name} (for --${name})`;
    case 'default': return `the default of --${name}`;
  }
}

/** Which flag a value was given for, and where it came from. */
export interface ValueOrigin {
  readonly name: string;
  readonly source: ValueSource;
}

/** A ConfigError for a value: "<origin>: <problem>". */
export function badValue(origin: ValueOrigin, problem: string): ConfigError {
  return new ConfigError(`${describeSource(origin.name, origin.source)}: ${problem}`);
}

/**
 * Splits one item of a pass-through flag (`--kube-apiserver-arg`, ...) as k3s does:
 * `[--]key[+|-][=value]`, no value meaning "true"; pflag treats `_` in names as `-`.
 */
export function splitPassthroughArg(item: string): { key: string; value: string } {
  const text = item.startsWith('--') ? item.slice(2) : item;
  const eq = text.indexOf('=');
  const raw = eq < 0 ? text : text.slice(0, eq);
  return { key: raw.replace(/[-+]+$/, '').replace(/_/g, '-'), value: eq < 0 ? 'true' : text.slice(eq + 1) };
}
