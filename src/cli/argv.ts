/**
 * @module Command-line parsing against a flag table with Go flag-package rules (what urfave/cli
 * and so k3s use): `-x` and `--x` are the same, values as `--x=v` or `--x v`, booleans take
 * only the `--x=false` form, the last of a repeated scalar wins, `--` ends the flags.
 */
import { ConfigError } from '../base/errors.js';
import type { ValueSource } from '../config/settings.js';
import { type FlagSpec, type FlagTable } from './flag.js';

/** A typed flag value with its origin. */
export interface RawValue {
  readonly value: string | boolean | number;
  readonly source: ValueSource;
}

/** What the command line said. `values` keeps every occurrence per long flag name, in order. */
export interface ParsedArgv {
  readonly values: Map<string, RawValue[]>;
  readonly positionals: string[];
  readonly help: boolean;
}

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Go's strconv.ParseBool. */
export function parseBool(text: string): boolean | undefined {
  if (TRUE.includes(text)) return true;
  if (FALSE.includes(text)) return false;
  return undefined;
}

/**
 * Converts flag text to the flag's type; list flags give one item per comma-separated part
 * when the flag splits. `opts.where` prefixes errors ("--https-listen-port", "$K3S_X", ...).
 */
export function coerce(spec: FlagSpec, text: string, opts: { where: string }): Array<string | boolean | number> {
  const where = opts.where;
  switch (spec.type) {
    case 'bool': {
      const b = parseBool(text.trim());
      if (b === undefined) throw new ConfigError(`${where}: expected true or false, got "${text}"`);
      return [b];
    }
    case 'int': {
      if (!/^[-+]?\d+$/.test(text.trim())) throw new ConfigError(`${where}: expected an integer, got "${text}"`);
      return [Number(text.trim())];
    }
    case 'list':
      return spec.split ? text.split(',').map((s) => s.trim()).filter((s) => s !== '') : [text];
    case 'string':
      return [text];
  }
}

/** Parses `argv` (the words after the subcommand) against `table`. Throws ConfigError on misuse. */
export function parseArgv(table: FlagTable, argv: readonly string[]): ParsedArgv {
  const values = new Map<string, RawValue[]>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const inline = eq >= 0 ? body.slice(eq + 1) : undefined;
    const spec = table.lookup(name);
    if (!spec && (name === 'h' || name === 'help')) {
      help = true;
      continue;
    }
    if (!spec) throw new ConfigError(`flag provided but not defined: ${arg.slice(0, arg.length - (inline === undefined ? 0 : inline.length + 1))} (see '${table.command} --help')`);
    let text: string;
    if (spec.type === 'bool') text = inline ?? 'true';
    else if (inline !== undefined) text = inline;
    else if (i + 1 < argv.length) text = argv[++i] as string;
    else throw new ConfigError(`flag needs an argument: -${name}`);
    const source: ValueSource = { kind: 'cli', flag: name };
    const list = values.get(spec.name) ?? [];
    for (const value of coerce(spec, text, { where: `-${name.length > 1 ? '-' : ''}${name}` })) list.push({ value, source });
    values.set(spec.name, list);
  }
  return { values, positionals, help };
}
