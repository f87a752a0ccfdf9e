/**
 * @module The flag table entry: one description per flag drives argv parsing, config-file keys,
 * K3S_* environment variables, grouped `--help`, and the refusal of flags k3ts lacks.
 */

export type FlagType = 'string' | 'bool' | 'int' | 'list';

/** One flag of one command. */
export interface FlagSpec {
  /** Long name without dashes (`data-dir`); also the config-file key. */
  readonly name: string;
  /** Short alias (`d`), usable as `-d` and as a config-file key. */
  readonly short?: string;
  readonly type: FlagType;
  /** Help group printed as a `(group)` prefix, as k3s does. */
  readonly group?: string;
  readonly usage: string;
  /** Environment variables read when neither the command line nor a config file sets the flag. */
  readonly env?: string;
  /** Default printed in help (the typed config applies it). */
  readonly default?: string | number | boolean;
  /** Placeholder in help (`--config FILE`); default `value`. */
  readonly valueName?: string;
  /** Not listed in help (k3s's hidden, experimental or deprecated flags). */
  readonly hidden?: boolean;
  /** Items may be comma-separated (`--disable a,b`), as k3s splits them. */
  readonly split?: boolean;
  /**
   * Set when k3ts does not implement the flag yet: the flag is refused wherever it is set.
   * `true` gives the standard message; a string explains more (e.g. the replacement).
   */
  readonly unsupported?: true | string;
}

/** A command's flag table with lookups by name, alias and config key. */
export class FlagTable {
  private readonly byName = new Map<string, FlagSpec>();

  constructor(readonly command: string, readonly flags: readonly FlagSpec[]) {
    for (const f of flags) {
      for (const n of [f.name, f.short]) {
        if (n === undefined) continue;
        if (this.byName.has(n)) throw new Error(`flag table ${command}: duplicate flag name ${n}`);
        this.byName.set(n, f);
      }
    }
  }

  /** The flag called `name` (long name or alias), if the command has it. */
  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(name);
  }
}

/** The refusal message for a flag k3ts does not implement yet. */
export function unsupportedMessage(f: FlagSpec): string {
  const base = `--${f.name} is not supported by k3ts yet`;
  return typeof f.unsupported === 'string' ? `${base}: ${f.unsupported}` : base;
}

/** `--name` or `-n`: single-letter names take one dash, as in k3s's help. */
export function dashed(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}
