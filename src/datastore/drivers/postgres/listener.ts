/**
 * @module LISTEN for the NOTIFY every commit sends, so other servers on the same PostgreSQL
 * database see a write at once instead of at the next poll. The listening connection
 * reconnects by itself; after (re)connecting it signals once, so anything missed is read.
 */
import pg from 'pg';
import { logger } from '../../../base/log.js';
import { describePgError } from './pg-db.js';

const log = logger('datastore');

export class PgListener {
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private failing = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly where: string,
    private readonly onSignal: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const c = new pg.Client(this.config);
    let lost = false;
    const onLost = (err?: unknown): void => {
      if (lost) return;
      lost = true;
      if (this.client === c) this.client = undefined;
      void c.end().catch(() => undefined);
      if (this.closed) return;
      if (!this.failing) log.warn(`${this.where}: LISTEN connection lost, reconnecting: ${err ? describePgError(err) : 'closed'}`);
      this.failing = true;
      this.retry ??= setTimeout(() => { this.retry = undefined; void this.connect(); }, 1000);
      this.retry.unref();
    };
    c.on('notification', () => this.onSignal());
    c.on('error', onLost);
    c.on('end', () => onLost());
    try {
      await c.connect();
      await c.query(`LISTEN ${this.channel}`);
      if (this.closed) { await c.end(); return; }
      this.client = c;
      if (this.failing) log.info(`${this.where}: LISTEN connection restored`);
      this.failing = false;
      this.onSignal();
    } catch (err) {
      onLost(err);
    }
  }
}
