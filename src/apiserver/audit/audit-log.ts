/**
 * @module The audit log: one JSON audit.k8s.io/v1 Event per line, appended to a file (or stdout
 * for `-`), rotated as kube-apiserver's log backend does: past --audit-log-maxsize MB the file
 * is renamed `<name>-<timestamp><ext>` and a new one started; --audit-log-maxbackup and
 * --audit-log-maxage (days) bound the rotated files kept. Lines written in one turn of the event
 * loop go out in one write, in order; a write that fails is reported once and dropped, never
 * thrown at a request.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { logger } from '../../base/log.js';

const log = logger('audit');

export interface AuditLogOptions {
  /** The file, or `-` for standard output. */
  readonly path: string;
  /** Rotate past this many bytes (0: never). */
  readonly maxBytes?: number;
  /** Rotated files to keep (0: all). */
  readonly maxBackups?: number;
  /** Days to keep rotated files (0: forever). */
  readonly maxAgeDays?: number;
}

export interface AuditSink {
  write(event: object): void;
  close(): void;
}

export class AuditLog implements AuditSink {
  private fd: number;
  private size = 0;
  private pending: string[] = [];
  private scheduled = false;
  private failed = false;

  constructor(private readonly o: AuditLogOptions) {
    if (o.path === '-') {
      this.fd = 1;
      return;
    }
    mkdirSync(dirname(o.path), { recursive: true, mode: 0o700 });
    this.fd = openSync(o.path, 'a', 0o600);
    this.size = statSync(o.path).size;
  }

  write(event: object): void {
    this.pending.push(`${JSON.stringify(event)}\n`);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes what is pending now. */
  flush(): void {
    this.scheduled = false;
    if (!this.pending.length) return;
    const text = this.pending.join('');
    this.pending = [];
    try {
      const bytes = Buffer.from(text);
      if (this.o.path !== '-' && this.o.maxBytes && this.size > 0 && this.size + bytes.length > this.o.maxBytes) this.rotate();
      writeSync(this.fd, bytes);
      this.size += bytes.length;
    } catch (err) {
      if (!this.failed) log.error(`writing the audit log ${this.o.path}: ${err instanceof Error ? err.message : String(err)}`);
      this.failed = true;
    }
  }

  close(): void {
    this.flush();
    if (this.fd > 2) closeSync(this.fd);
    this.fd = -1;
  }

  private rotate(): void {
    closeSync(this.fd);
    const ext = extname(this.o.path);
    const base = basename(this.o.path, ext);
    const stamp = new Date().toISOString().replace(/:/g, '-');
    renameSync(this.o.path, join(dirname(this.o.path), `${base}-${stamp}${ext}`));
    this.fd = openSync(this.o.path, 'a', 0o600);
    this.size = 0;
    this.prune(base, ext);
  }

  /** Removes rotated files beyond maxBackups (oldest first) and older than maxAgeDays. */
  private prune(base: string, ext: string): void {
    const dir = dirname(this.o.path);
    const rotated = readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith(ext)).sort();
    const now = Date.now();
    const keep = this.o.maxBackups ? rotated.slice(-this.o.maxBackups) : rotated;
    for (const f of rotated) {
      const old = this.o.maxAgeDays ? now - statSync(join(dir, f)).mtimeMs > this.o.maxAgeDays * 86_400_000 : false;
      if (old || !keep.includes(f)) unlinkSync(join(dir, f));
    }
  }
}
