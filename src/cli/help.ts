/**
 * @module `--help` text in k3s's (urfave/cli's) layout: NAME, USAGE, OPTIONS with each flag as
 * `--name value, -n value   (group) usage (default: x) [$ENV]`, generated from the flag table.
 */
import { GIT_VERSION, K3TS_VERSION } from '../base/version.js';
import { dashed, type FlagSpec, type FlagTable } from './flag.js';

function left(f: FlagSpec): string {
  const arg = f.type === 'bool' ? '' : ` ${f.valueName ?? 'value'}`;
  return [f.name, f.short].filter((n): n is string => n !== undefined).map((n) => `${dashed(n)}${arg}`).join(', ');
}

function right(f: FlagSpec): string {
  const parts: string[] = [];
  if (f.group) parts.push(`(${f.group})`);
  parts.push(f.usage);
  if (f.default !== undefined && f.type !== 'bool') parts.push(`(default: ${typeof f.default === 'string' ? JSON.stringify(f.default) : String(f.default)})`);
  if (f.type === 'bool' && f.default === true) parts.push('(default: true)');
  if (f.env) parts.push(`[$${f.env}]`);
  if (f.unsupported) parts.push('[not supported by k3ts yet]');
  return parts.join(' ');
}

/** Renders an aligned two-column option list. */
function columns(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `   ${l.padEnd(width)}${r}`).join('\n');
}

/** Help for one command (`k3ts server --help`); `app` is the program name as invoked. */
export function commandHelp(table: FlagTable, opts: { app: string; summary: string }): string {
  const { app, summary } = opts;
  const rows = table.flags.filter((f) => !f.hidden).map((f) => [left(f), right(f)] as const);
  return `NAME:\n   ${app} ${table.command} - ${summary}\n\nUSAGE:\n   ${app} ${table.command} [OPTIONS]\n\nOPTIONS:\n${columns(rows)}\n`;
}

/** A subcommand as the top-level help lists it. */
export interface CommandSummary {
  readonly name: string;
  readonly summary: string;
}

/** Top-level help (`k3ts --help`). */
export function appHelp(app: string, commands: readonly CommandSummary[]): string {
  const globals: Array<readonly [string, string]> = [
    ['--debug', '(logging) Turn on debug logs [$K3S_DEBUG]'],
    ['--data-dir value, -d value', '(data) Folder to hold state (default: /var/lib/rancher/k3s or ${HOME}/.rancher/k3s if not root) [$K3S_DATA_DIR]'],
    ['--help, -h', 'show help'],
    ['--version, -v', 'print the version'],
  ];
  return [
    `NAME:\n   ${app} - Kubernetes, but small and simple (k3ts: k3s's interface in TypeScript)`,
    `USAGE:\n   ${app} [global options] command [command options] [arguments...]`,
    `VERSION:\n   ${GIT_VERSION} (${K3TS_VERSION})`,
    `COMMANDS:\n${columns(commands.map((c) => [c.name, c.summary] as const))}`,
    `GLOBAL OPTIONS:\n${columns(globals)}`,
  ].join('\n\n') + '\n';
}
