/**
 * @module k3s's operational subcommands that k3ts does not implement yet. Each is listed in
 * help and answers with a clear message and exit code 1 rather than pretending.
 */
import type { Command } from '../io.js';

function notYet(name: string, summary: string): Command {
  return {
    name,
    summary,
    run(_argv, io) {
      io.stderr.write(`${io.app} ${name}: not implemented in k3ts yet\n`);
      return Promise.resolve(1);
    },
  };
}

export const STUB_COMMANDS: readonly Command[] = [
  notYet('crictl', 'Run crictl'),
  notYet('ctr', 'Run ctr'),
  notYet('check-config', 'Run config check'),
  notYet('token', 'Manage tokens'),
  notYet('etcd-snapshot', 'Manage etcd snapshots'),
  notYet('certificate', 'Manage K3s certificates'),
  notYet('completion', 'Install shell completion script'),
];
