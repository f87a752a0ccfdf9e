/**
 * @module klog-like leveled logging: `I1126 17:10:45.123456 1234 component] message`.
 * Levels: error, warning, info, and verbose info gated by `-v N` (`--debug` means -v 4 and
 * debug lines). One process-wide sink (stderr or a file), set once at start by the CLI.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type Severity = 'I' | 'W' | 'E' | 'D';

export interface LogSink {
  write(line: string): void;
  /** Releases the sink (closes a file); lines written before are already on disk. */
  close?(): void;
}

interface LogState {
  verbosity: number;
  debug: boolean;
  sink: LogSink;
}

const stderrSink: LogSink = { write: (line) => process.stderr.write(line) };

const state: LogState = { verbosity: 0, debug: false, sink: stderrSink };

/** Appends to a file through one descriptor; writeSync keeps lines whole and on disk even on abrupt exit. */
function fileSink(path: string, alsoToStderr: boolean): LogSink {
  const fd = openSync(path, 'a', 0o600);
  let open = true;
  return {
    write(line) {
      if (open) writeSync(fd, line);
      if (alsoToStderr) process.stderr.write(line);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

/** Options the CLI resolves from `-v`, `--debug`, `--log` and `--alsologtostderr`. */
export interface LogOptions {
  verbosity?: number;
  debug?: boolean;
  file?: string | undefined;
  alsoToStderr?: boolean;
}

/** Sets the process-wide log options; called once by the CLI after config is resolved. */
export function configureLogging(opts: LogOptions): void {
  state.verbosity = opts.verbosity ?? 0;
  state.debug = opts.debug ?? false;
  if (state.debug && state.verbosity < 4) state.verbosity = 4;
  const next = opts.file ? fileSink(opts.file, opts.alsoToStderr ?? false) : stderrSink;
  const prev = state.sink;
  state.sink = next;
  if (prev !== next) prev.close?.();
}

/** Closes the log file, if any, and goes back to stderr. Called last on shutdown. */
export function closeLogging(): void {
  const prev = state.sink;
  state.sink = stderrSink;
  prev.close?.();
}

/** Replaces the sink (tests capture lines with this). Returns the previous one. */
export function setLogSink(sink: LogSink): LogSink {
  const prev = state.sink;
  state.sink = sink;
  return prev;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function header(sev: Severity, component: string): string {
  const d = new Date();
  const us = pad(d.getMilliseconds() * 1000, 6);
  return `${sev}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)} ${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}.${us} ${process.pid} ${component}] `;
}

/** A logger bound to a component name. */
export class Logger {
  constructor(readonly component: string) {}

  info(msg: string): void { this.emit('I', msg); }
  warn(msg: string): void { this.emit('W', msg); }
  error(msg: string): void { this.emit('E', msg); }
  debug(msg: string): void { if (state.debug) this.emit('D', msg); }
  /** Verbose info, printed when `-v` is at least `level`. */
  v(level: number, msg: string): void { if (state.verbosity >= level) this.emit('I', msg); }
  enabled(level: number): boolean { return state.verbosity >= level; }

  private emit(sev: Severity, msg: string): void {
    state.sink.write(header(sev, this.component) + msg + '\n');
  }
}

export function logger(component: string): Logger {
  return new Logger(component);
}
