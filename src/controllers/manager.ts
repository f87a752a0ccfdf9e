/**
 * @module The controller manager: builds the enabled controllers over one client and one set of
 * shared informers, starts the informers, waits for their caches, then runs every controller
 * until the signal aborts (kube-controller-manager's --controllers, with `*` for all).
 */
import { logger } from '../base/log.js';
import type { Client } from '../client/client.js';
import { InformerFactory } from '../client/informer-factory.js';
import { controllerContext, type Controller, type ControllerContext } from './common/context.js';
import { DeploymentController } from './deployment/deployment-controller.js';
import { replicaSetKind, replicationControllerKind } from './replicaset/kinds.js';
import { ReplicaController } from './replicaset/replica-controller.js';

const log = logger('controller-manager');

/** Every controller by its kube-controller-manager name. */
export const CONTROLLERS: Readonly<Record<string, (ctx: ControllerContext) => Controller>> = {
  replicaset: (ctx) => new ReplicaController(ctx, replicaSetKind),
  replicationcontroller: (ctx) => new ReplicaController(ctx, replicationControllerKind),
  deployment: (ctx) => new DeploymentController(ctx),
};

export interface ControllerManagerOptions {
  readonly client: Client;
  /** Shared with other components in the process (the scheduler), or made here. */
  readonly informers?: InformerFactory;
  /** Names to run; `*` (default) means all, `-name` removes one. */
  readonly controllers?: readonly string[];
  readonly workers?: number;
}

/** Which controllers `--controllers` selects. */
export function selectControllers(spec: readonly string[] = ['*']): string[] {
  const all = Object.keys(CONTROLLERS);
  const on = new Set<string>();
  for (const s of spec) {
    if (s === '*') all.forEach((n) => on.add(n));
    else if (s.startsWith('-')) on.delete(s.slice(1));
    else if (all.includes(s)) on.add(s);
    else throw new Error(`unknown controller "${s}"; known: ${all.join(', ')}`);
  }
  return all.filter((n) => on.has(n));
}

export class ControllerManager {
  readonly informers: InformerFactory;
  readonly controllers: readonly Controller[];

  constructor(opts: ControllerManagerOptions) {
    this.informers = opts.informers ?? new InformerFactory(opts.client);
    const ctx = controllerContext(opts.client, this.informers, opts.workers !== undefined ? { workers: opts.workers } : {});
    this.controllers = selectControllers(opts.controllers).map((n) => (CONTROLLERS[n] as (c: ControllerContext) => Controller)(ctx));
  }

  /** Starts informers, waits for their caches, runs every controller; resolves after `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    this.informers.start(signal);
    try {
      await this.informers.waitForSync(signal);
    } catch {
      return;
    }
    log.info(`started ${this.controllers.length} controllers: ${this.controllers.map((c) => c.name).join(', ')}`);
    await Promise.all(this.controllers.map((c) => c.run(signal)));
  }
}
