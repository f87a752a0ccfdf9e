/**
 * @module What a command receives from the process: its name as invoked, arguments, environment
 * and output streams, so that commands can be run (and tested) without touching globals.
 */

/** A command's view of the process. */
export interface CommandIo {
  /** The program name as invoked (`k3ts`, or `k3s` through a link). */
  readonly app: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
}

/** A subcommand: runs with the words after its name and returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}
