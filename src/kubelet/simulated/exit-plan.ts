/**
 * @module When a simulated container exits, and with which code. The convention (documented in
 * FLOW.md), first match wins:
 *  1. pod annotations `sim.k3ts.io/exit-after: "<duration>"` (Go form: 500ms, 2s, 1m30s) and
 *     `sim.k3ts.io/exit-code: "<n>"` (default 0) apply to every app container;
 *  2. the container's command + args read as a tiny shell: `true`, `false`, `sleep N`,
 *     `exit N`, `echo ...`, and `sh -c "<steps joined by ; or &&>"` (also bash, /bin/sh, ...);
 *  3. anything else (or no command) runs until the pod is deleted.
 */
import type { Container, Pod } from '../../client/kinds/core.js';

export const EXIT_AFTER_ANNOTATION = 'sim.k3ts.io/exit-after';
export const EXIT_CODE_ANNOTATION = 'sim.k3ts.io/exit-code';

/** A container's fate: exits `afterMs` after it starts with `code`, or never (undefined). */
export interface ExitPlan {
  readonly afterMs: number;
  readonly code: number;
}

const UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a Go duration (`1m30s`, `250ms`, `2s`); undefined when malformed. */
export function parseDuration(s: string): number | undefined {
  const text = s.trim();
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * (UNITS[m[2] as string] ?? 0);
    pos = re.lastIndex;
  }
  return pos === text.length && pos > 0 ? Math.round(total) : undefined;
}

/** Splits a shell command line into words (single and double quotes, no expansions). */
function words(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

const base = (cmd: string): string => cmd.slice(cmd.lastIndexOf('/') + 1);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** One simple command: its exit code and duration, or undefined when it is not understood. */
function simple(argv: readonly string[]): { code: number; ms: number } | 'forever' | undefined {
  const [cmd, ...args] = argv;
  if (cmd === undefined) return { code: 0, ms: 0 };
  switch (base(cmd)) {
    case 'true': case ':': return { code: 0, ms: 0 };
    case 'false': return { code: 1, ms: 0 };
    case 'echo': case 'printf': case 'date': case 'env': return { code: 0, ms: 0 };
    case 'exit': return { code: Number(args[0] ?? 0) & 0xff, ms: 0 };
    case 'sleep': {
      const a = args[0] ?? '';
      if (a === 'infinity' || a === 'inf') return 'forever';
      const ms = /^\d+(\.\d+)?$/.test(a) ? Number(a) * 1000 : parseDuration(a);
      return ms === undefined ? undefined : { code: 0, ms };
    }
    default: return undefined;
  }
}

/** Runs a `;`/`&&`-separated script; undefined when any step is not understood. */
function script(text: string): ExitPlan | undefined {
  let ms = 0;
  let code = 0;
  for (const part of text.split(/(;|&&|\n)/)) {
    const sep = part.trim();
    if (sep === ';' || sep === '\n') continue;
    if (sep === '&&') {
      if (code !== 0) return { afterMs: ms, code };
      continue;
    }
    if (sep === '') continue;
    const r = simple(words(sep));
    if (r === undefined || r === 'forever') return undefined;
    ms += r.ms;
    code = r.code;
    if (base(words(sep)[0] ?? '') === 'exit') return { afterMs: ms, code };
  }
  return { afterMs: ms, code };
}

/** The container's plan from its command line (rule 2); undefined: runs forever. */
export function commandPlan(c: Container): ExitPlan | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  if (argv.length === 0) return undefined;
  const [cmd, flag, body] = argv;
  if (cmd !== undefined && SHELLS.has(base(cmd)) && flag === '-c' && body !== undefined) return script(body);
  const r = simple(argv);
  return r === undefined || r === 'forever' ? undefined : { afterMs: r.ms, code: r.code };
}

/** The plan for one app container of `pod` (rules 1–3). */
export function exitPlan(pod: Pod, c: Container): ExitPlan | undefined {
  const ann = pod.metadata.annotations ?? {};
  const after = ann[EXIT_AFTER_ANNOTATION];
  if (after !== undefined) {
    const ms = parseDuration(after);
    if (ms !== undefined) return { afterMs: ms, code: Number(ann[EXIT_CODE_ANNOTATION] ?? 0) & 0xff };
  }
  return commandPlan(c);
}
