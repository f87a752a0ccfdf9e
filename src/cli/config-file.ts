/**
 * @module Config files as k3s reads them: the main file, then `<file>.d/*.yaml|*.yml` in lexical
 * order; keys are flag names (or aliases); lists are repeated flags; a later file's value
 * replaces an earlier one and `key+:` appends; keys the command does not know are warned about
 * and skipped (so one file serves several commands). Bad YAML or a value of the wrong type is
 * a ConfigError naming the file, the key and what was expected.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Node, Scalar } from 'yaml';
import { ConfigError, messageOf } from '../base/errors.js';
import { coerce, parseBool, type RawValue } from './argv.js';
import type { FlagSpec, FlagTable } from './flag.js';

/** The merged values of all config files, per long flag name, plus warnings to print. */
export interface ConfigFileValues {
  readonly files: readonly string[];
  readonly values: Map<string, RawValue[]>;
  readonly warnings: readonly string[];
}

/** The main file (if present) followed by its drop-ins, as k3s's dotDFiles finds them. */
export async function configFileList(path: string): Promise<string[]> {
  const files: string[] = [];
  const st = await fsp.stat(path).catch(() => undefined);
  if (st?.isFile()) files.push(path);
  const dir = `${path}.d`;
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return [];
    throw new ConfigError(`cannot read config drop-in folder ${dir}: ${err.message}`);
  });
  const dropIns = entries.filter((e) => !e.isDirectory() && /\.ya?ml$/i.test(e.name)).map((e) => e.name).sort();
  return [...files, ...dropIns.map((n) => join(dir, n))];
}

/** The text a string flag gets from a scalar: plain scalars keep their source (`0644` stays "0644"). */
function scalarText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  if (node.value === null || node.value === undefined) return '';
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return String(node.value);
}

type Yaml = typeof import('yaml');

function convert(spec: FlagSpec, node: Node | null, opts: { where: string; yaml: Yaml }): Array<string | boolean | number> {
  const { isMap, isScalar, isSeq } = opts.yaml;
  const where = opts.where;
  if (spec.type === 'list') {
    if (node === null || (isScalar(node) && node.value === null)) return [];
    const items = isSeq(node) ? node.items : [node];
    return items.flatMap((item) => {
      if (!isScalar(item)) throw new ConfigError(`${where}: expected a list of strings, but an item is a ${isMap(item) ? 'mapping' : 'list'}`);
      return coerce(spec, scalarText(item), { where });
    });
  }
  if (node === null || !isScalar(node)) {
    const what = spec.type === 'bool' ? 'true or false' : spec.type === 'int' ? 'an integer' : 'a single string';
    throw new ConfigError(`${where}: expected ${what}, got ${node === null ? 'nothing' : isSeq(node) ? 'a list' : 'a mapping'}${spec.type === 'string' && isSeq(node) ? ` (only repeatable flags take lists)` : ''}`);
  }
  const v = node.value;
  if (spec.type === 'bool') {
    const b = typeof v === 'boolean' ? v : typeof v === 'string' ? parseBool(v) : undefined;
    if (b === undefined) throw new ConfigError(`${where}: expected true or false, got ${JSON.stringify(v)}`);
    return [b];
  }
  if (spec.type === 'int') {
    if (typeof v === 'number' && Number.isInteger(v)) return [v];
    if (typeof v === 'string') return coerce(spec, v, { where });
    throw new ConfigError(`${where}: expected an integer, got ${JSON.stringify(v)}`);
  }
  return [scalarText(node)];
}

async function readYaml(y: Yaml, file: string): Promise<Array<{ key: string; value: Node | null }>> {
  const { isMap, isScalar, parseDocument } = y;
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${file}: ${messageOf(err)}`);
  }
  // YAML 1.1 as k3s's yaml.v2 reads it: `debug: yes` is true.
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) throw new ConfigError(`${file}: malformed YAML: ${first.message.split('\n')[0] ?? ''}`);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return [];
  if (!isMap(root)) throw new ConfigError(`${file}: expected a mapping of flag names to values at the top level`);
  return root.items.map((pair) => {
    const k = pair.key;
    if (!isScalar(k) || typeof k.value !== 'string') throw new ConfigError(`${file}: every key must be a flag name, found ${JSON.stringify(isScalar(k) ? k.value : String(k))}`);
    return { key: k.value, value: (pair.value as Node | null) ?? null };
  });
}

/** Reads and merges `files` for the command of `table`. */
export async function loadConfigFiles(table: FlagTable, files: readonly string[]): Promise<ConfigFileValues> {
  const values = new Map<string, RawValue[]>();
  const warnings: string[] = [];
  if (!files.length) return { files, values, warnings };
  // Loaded only when there is a file to read: most servers have none, and startup time counts.
  const y = await import('yaml');
  for (const file of files) {
    for (const { key, value } of await readYaml(y, file)) {
      const append = key.endsWith('+');
      const name = append ? key.slice(0, -1) : key;
      const spec = table.lookup(name);
      if (!spec) {
        warnings.push(`Unknown flag --${name} found in config file ${file}, skipping (it is not a flag of "${table.command}")`);
        continue;
      }
      if (spec.name === 'config') {
        warnings.push(`key "${key}" in ${file} has no effect: the config file location comes from --config or $K3S_CONFIG_FILE`);
        continue;
      }
      const where = `${file}: key "${key}"`;
      if (append && spec.type !== 'list') throw new ConfigError(`${where}: "+" appends only to repeatable flags, and --${spec.name} takes a single value`);
      const source = { kind: 'file', file, key } as const;
      const items = convert(spec, value, { where, yaml: y }).map((v) => ({ value: v, source }));
      values.set(spec.name, append ? [...(values.get(spec.name) ?? []), ...items] : items);
    }
  }
  return { files, values, warnings };
}
