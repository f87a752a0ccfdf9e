/**
 * @module Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection:
 * candidates try every retryPeriod; the holder renews every retryPeriod and steps down if it
 * cannot renew within renewDeadline; another candidate takes over once it has seen the lease
 * unchanged for leaseDuration (measured on its own clock, so clock skew does not matter); a
 * holder that stops cleanly releases the lease so a successor takes over at once.
 */
import { AbortedError, ConfigError, messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import { sleep } from '../base/async.js';
import type { Client } from './client.js';
import { isAlreadyExists, isConflict, isNotFound } from './errors.js';
import { microTime, type Lease, type LeaseSpec } from './kinds/coordination.js';
import type { ResourceClient } from './resource-client.js';
import { resources } from './resources.js';

const log = logger('leaderelection');

export interface LeaderElectionOptions {
  readonly client: Client;
  /** Lease namespace and name (kube-controller-manager uses kube-system/kube-controller-manager). */
  readonly namespace: string;
  readonly name: string;
  /** This candidate's unique identity (hostname plus a random suffix upstream). */
  readonly identity: string;
  /** Defaults as Kubernetes: 15 s, 10 s, 2 s. */
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
  /** Release the lease when the run signal aborts (default true). */
  readonly releaseOnCancel?: boolean;
  /** Called when this candidate becomes leader; `signal` aborts when leadership ends. */
  onStartedLeading(signal: AbortSignal): void | Promise<void>;
  /** Called after leadership ended (lost or released), once onStartedLeading's promise settled. */
  onStoppedLeading?(): void;
  /** Called when the observed leader changes (including to this candidate). */
  onNewLeader?(identity: string): void;
}

interface Observed {
  spec: LeaseSpec;
  at: number;
}

/** One candidate in one election. */
export class LeaderElector {
  private readonly leases: ResourceClient<Lease>;
  private readonly leaseMs: number;
  private readonly renewMs: number;
  private readonly retryMs: number;
  private observed: Observed | undefined;
  private leading = false;
  private reportedLeader = '';

  constructor(private readonly opts: LeaderElectionOptions) {
    this.leases = opts.client.resource<Lease>(resources.leases);
    this.leaseMs = opts.leaseDurationMs ?? 15_000;
    this.renewMs = opts.renewDeadlineMs ?? 10_000;
    this.retryMs = opts.retryPeriodMs ?? 2_000;
    if (this.leaseMs <= this.renewMs) throw new ConfigError('leader election: leaseDuration must be greater than renewDeadline');
    if (this.renewMs <= this.retryMs * 1.2) throw new ConfigError('leader election: renewDeadline must be greater than retryPeriod*1.2');
    if (!opts.identity) throw new ConfigError('leader election: identity must not be empty');
  }

  isLeader(): boolean {
    return this.leading;
  }

  /** The holder this candidate last saw ('' when none). */
  leader(): string {
    return this.observed?.spec.holderIdentity ?? '';
  }

  /**
   * Campaigns, leads, and after losing the lease campaigns again, until `signal` aborts;
   * then releases the lease if held (releaseOnCancel) and resolves.
   */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (!(await this.acquire(signal))) break;
      await this.lead(signal);
    }
  }

  private async acquire(signal: AbortSignal): Promise<boolean> {
    log.info(`attempting to acquire leader lease ${this.opts.namespace}/${this.opts.name}...`);
    for (;;) {
      if (await this.tryAcquireOrRenew(signal)) {
        log.info(`successfully acquired lease ${this.opts.namespace}/${this.opts.name}`);
        return true;
      }
      try {
        await sleep(this.retryMs * (1 + Math.random() * 0.2), signal);
      } catch {
        return false;
      }
    }
  }

  private async lead(signal: AbortSignal): Promise<void> {
    this.leading = true;
    const term = new AbortController();
    const onAbort = (): void => term.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const work = Promise.resolve().then(() => this.opts.onStartedLeading(term.signal)).catch((err: unknown) => {
      if (!(err instanceof AbortedError)) log.error(`leader callback failed: ${messageOf(err)}`);
    });
    await this.renewLoop(term.signal);
    if (!term.signal.aborted) {
      log.error(`failed to renew lease ${this.opts.namespace}/${this.opts.name}: leadership lost`);
      term.abort();
    }
    signal.removeEventListener('abort', onAbort);
    this.leading = false;
    await work;
    if (signal.aborted && this.opts.releaseOnCancel !== false) await this.release();
    this.opts.onStoppedLeading?.();
  }

  /** Renews every retryPeriod; returns when a renewal did not succeed within renewDeadline or the term ends. */
  private async renewLoop(signal: AbortSignal): Promise<void> {
    let lastRenew = Date.now();
    while (!signal.aborted) {
      try {
        await sleep(this.retryMs, signal);
      } catch {
        return;
      }
      const deadline = AbortSignal.any([signal, AbortSignal.timeout(Math.max(1, lastRenew + this.renewMs - Date.now()))]);
      if (await this.tryAcquireOrRenew(deadline)) {
        lastRenew = Date.now();
        continue;
      }
      if (signal.aborted) return;
      if (Date.now() - lastRenew >= this.renewMs) return;
    }
  }

  /** One attempt to take or keep the lease; false when someone else holds it or the write failed. */
  private async tryAcquireOrRenew(signal: AbortSignal): Promise<boolean> {
    const { namespace, name, identity } = this.opts;
    const now = Date.now();
    const desired: LeaseSpec = {
      holderIdentity: identity, leaseDurationSeconds: Math.ceil(this.leaseMs / 1000),
      acquireTime: microTime(now), renewTime: microTime(now), leaseTransitions: 0,
    };
    let lease: Lease;
    try {
      lease = await this.leases.get(name, { namespace, signal });
    } catch (err) {
      if (!isNotFound(err)) {
        if (!signal.aborted) log.warn(`error retrieving lease ${namespace}/${name}: ${messageOf(err)}`);
        return false;
      }
      try {
        const created = await this.leases.create({ metadata: { name, namespace }, spec: desired }, { namespace, signal });
        this.observe(created.spec ?? desired, Date.now());
        return true;
      } catch (cerr) {
        if (!isAlreadyExists(cerr) && !signal.aborted) log.warn(`error creating lease ${namespace}/${name}: ${messageOf(cerr)}`);
        return false;
      }
    }
    const cur = lease.spec ?? {};
    if (!this.observed || !sameRecord(this.observed.spec, cur)) this.observe(cur, now);
    const holder = cur.holderIdentity ?? '';
    const durMs = (cur.leaseDurationSeconds ?? 0) * 1000;
    const seenAt = (this.observed as Observed).at;
    if (holder && holder !== identity && seenAt + durMs > now) return false;
    if (holder === identity) {
      desired.acquireTime = cur.acquireTime ?? microTime(now);
      desired.leaseTransitions = cur.leaseTransitions ?? 0;
    } else {
      desired.leaseTransitions = (cur.leaseTransitions ?? 0) + 1;
    }
    try {
      const updated = await this.leases.update({ ...lease, spec: { ...cur, ...desired } }, { namespace, signal });
      this.observe(updated.spec ?? desired, Date.now());
      return true;
    } catch (err) {
      if (!isConflict(err) && !signal.aborted) log.warn(`error updating lease ${namespace}/${name}: ${messageOf(err)}`);
      return false;
    }
  }

  /** Gives the lease up so another candidate need not wait for it to expire. */
  private async release(): Promise<void> {
    const { namespace, name, identity } = this.opts;
    try {
      const lease = await this.leases.get(name, { namespace, signal: AbortSignal.timeout(this.renewMs) });
      if (lease.spec?.holderIdentity !== identity) return;
      const now = microTime();
      const spec: LeaseSpec = { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1, acquireTime: now, renewTime: now };
      await this.leases.update({ ...lease, spec }, { namespace, signal: AbortSignal.timeout(this.renewMs) });
      log.info(`released lease ${namespace}/${name}`);
    } catch (err) {
      log.warn(`failed to release lease ${namespace}/${name}: ${messageOf(err)}`);
    }
  }

  private observe(spec: LeaseSpec, at: number): void {
    this.observed = { spec, at };
    const holder = spec.holderIdentity ?? '';
    if (holder && holder !== this.reportedLeader) {
      this.reportedLeader = holder;
      this.opts.onNewLeader?.(holder);
    }
  }
}

function sameRecord(a: LeaseSpec, b: LeaseSpec): boolean {
  return a.holderIdentity === b.holderIdentity && a.renewTime === b.renewTime && a.acquireTime === b.acquireTime &&
    a.leaseTransitions === b.leaseTransitions && a.leaseDurationSeconds === b.leaseDurationSeconds;
}
