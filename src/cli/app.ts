/**
 * @module The program: global options (`--debug`, `--data-dir`, `--help`, `--version`), then a
 * subcommand. Global flags are handed to the subcommand as if given after it, so one
 * precedence rule applies. Usage and configuration errors print one line and exit 1.
 */
import { ConfigError, K3tsError, messageOf } from '../base/errors.js';
import { GIT_VERSION, K3TS_VERSION } from '../base/version.js';
import { STUB_COMMANDS } from './commands/stubs.js';
import { appHelp } from './help.js';
import type { Command, CommandIo } from './io.js';

/** A subcommand listed in help, whose code is imported only when it runs. */
interface LazyCommand {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly LazyCommand[] = [
  { name: 'server', summary: 'Run management server', load: async () => (await import('./commands/server.js')).serverCommand },
  { name: 'agent', summary: 'Run node agent', load: async () => (await import('./commands/agent.js')).agentCommand },
  { name: 'kubectl', summary: 'Run kubectl', load: async () => (await import('./commands/kubectl.js')).kubectlCommand },
  { name: 'datastore', summary: 'Copy the keys of one datastore into another (migrate)', load: async () => (await import('./commands/datastore.js')).datastoreCommand },
  { name: 'secrets-encrypt', summary: 'Control secrets encryption and keys rotation', load: async () => (await import('./commands/secrets-encrypt.js')).secretsEncryptCommand },
  ...STUB_COMMANDS.map((c) => ({ name: c.name, summary: c.summary, load: () => Promise.resolve(c) })),
];

/** Splits `[global flags] command [args]`; throws ConfigError on an unknown global flag. */
function splitGlobals(args: readonly string[]): { globals: string[]; help: boolean; version: boolean; rest: readonly string[] } {
  const globals: string[] = [];
  let help = false, version = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-')) break;
    if (a === '-h' || a === '--help') help = true;
    else if (a === '-v' || a === '--version') version = true;
    else if (/^--?debug(=.*)?$/.test(a)) globals.push(a);
    else if (/^(--?data-dir|-d)=/.test(a)) globals.push(a);
    else if (a === '--data-dir' || a === '-data-dir' || a === '-d') globals.push(a, args[++i] ?? '');
    else throw new ConfigError(`flag provided but not defined: ${a}`);
  }
  return { globals, help, version, rest: args.slice(i) };
}

/** Runs the program with `args` (argv after the script) and returns the exit code. */
export async function runApp(args: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { globals, help, version, rest } = splitGlobals(args);
    if (version) {
      io.stdout.write(`${io.app} version ${GIT_VERSION} (${K3TS_VERSION})\nnode version ${process.version}\n`);
      return 0;
    }
    const [name, ...sub] = rest;
    if (help || name === undefined || name === 'help') {
      io.stdout.write(appHelp(io.app, COMMANDS));
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (!entry) throw new ConfigError(`unknown command "${name}" (see '${io.app} --help')`);
    const command = await entry.load();
    // kubectl's arguments are its own; global flags before it do not apply.
    return await command.run(name === 'kubectl' ? sub : [...globals, ...sub], io);
  } catch (err) {
    io.stderr.write(`${io.app}: ${err instanceof K3tsError ? err.message : `internal error: ${messageOf(err)}`}\n`);
    return 1;
  }
}
