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
import { GarbageCollector } from './garbagecollector/garbage-collector.js';
import { NamespaceController } from './namespace/namespace-controller.js';
import { EndpointsController } from './endpoints/endpoints-controller.js';
import { EndpointSliceController } from './endpoints/endpointslice-controller.js';
import { ServiceAccountController } from './serviceaccount/serviceaccount-controller.js';
import { RootCaPublisher } from './rootcacert/root-ca-publisher.js';
import { JobController } from './job/job-controller.js';
import { CronJobController } from './cronjob/cronjob-controller.js';
import { TtlAfterFinishedController } from './ttlafterfinished/ttl-after-finished-controller.js';
import { PodGcController, type PodGcOptions } from './podgc/pod-gc-controller.js';
import { DaemonSetController } from './daemonset/daemonset-controller.js';
import { StatefulSetController } from './statefulset/statefulset-controller.js';
import { DisruptionController } from './disruption/disruption-controller.js';
import { PersistentVolumeBinder } from './volume/pv-binder.js';
import { CsrApprover } from './certificates/csr-approver.js';
import { NodeIpamController, type NodeIpamOptions } from './nodeipam/node-ipam-controller.js';
import { HorizontalPodAutoscalerController } from './podautoscaler/hpa-controller.js';
import { CsrSigner } from './certificates/csr-signer.js';
import type { CertificateAuthority } from '../pki/authority.js';
import { NodeLifecycleController, type NodeLifecycleOptions } from './nodelifecycle/node-lifecycle-controller.js';
import { replicaSetKind, replicationControllerKind } from './replicaset/kinds.js';
import { ReplicaController } from './replicaset/replica-controller.js';

const log = logger('controller-manager');

/** Every controller by its kube-controller-manager name. */
export const CONTROLLERS: Readonly<Record<string, (ctx: ControllerContext) => Controller | undefined>> = {
  replicaset: (ctx) => new ReplicaController(ctx, replicaSetKind),
  replicationcontroller: (ctx) => new ReplicaController(ctx, replicationControllerKind),
  deployment: (ctx) => new DeploymentController(ctx),
  daemonset: (ctx) => new DaemonSetController(ctx),
  statefulset: (ctx) => new StatefulSetController(ctx),
  garbagecollector: (ctx) => new GarbageCollector(ctx),
  namespace: (ctx) => new NamespaceController(ctx),
  endpoint: (ctx) => new EndpointsController(ctx),
  endpointslice: (ctx) => new EndpointSliceController(ctx),
  serviceaccount: (ctx) => new ServiceAccountController(ctx),
  job: (ctx) => new JobController(ctx),
  cronjob: (ctx) => new CronJobController(ctx),
  'ttl-after-finished': (ctx) => new TtlAfterFinishedController(ctx),
  podgc: (ctx) => new PodGcController(ctx, ctx.podGc),
  disruption: (ctx) => new DisruptionController(ctx),
  horizontalpodautoscaling: (ctx) => new HorizontalPodAutoscalerController(ctx),
  'persistentvolume-binder': (ctx) => new PersistentVolumeBinder(ctx),
  csrapproving: (ctx) => new CsrApprover(ctx),
  // Runs when the server allocates node CIDRs (it passes --cluster-cidr); k3s always does.
  nodeipam: (ctx) => (ctx.nodeIpam ? new NodeIpamController(ctx, ctx.nodeIpam) : undefined),
  // Needs the cluster CAs' keys; without them (some tests) it is skipped.
  csrsigning: (ctx) => (ctx.signing ? new CsrSigner(ctx, ctx.signing) : undefined),
  nodelifecycle: (ctx) => new NodeLifecycleController(ctx, ctx.nodeLifecycle),
  // Needs the cluster CA; without one (some tests) it is skipped.
  'root-ca-cert-publisher': (ctx) => (ctx.rootCaPem ? new RootCaPublisher(ctx, ctx.rootCaPem) : undefined),
};

export interface ControllerManagerOptions {
  readonly client: Client;
  /** Shared with other components in the process (the scheduler), or made here. */
  readonly informers?: InformerFactory;
  /** Names to run; `*` (default) means all, `-name` removes one. */
  readonly controllers?: readonly string[];
  readonly workers?: number;
  /** Worker counts by controller name (--concurrent-*-syncs). */
  readonly workersByController?: Readonly<Record<string, number>>;
  /** The CA bundle published as kube-root-ca.crt in every namespace. */
  readonly rootCaPem?: string;
  readonly nodeLifecycle?: NodeLifecycleOptions;
  readonly podGc?: PodGcOptions;
  readonly signing?: { readonly client: CertificateAuthority; readonly server: CertificateAuthority };
  readonly nodeIpam?: NodeIpamOptions;
  /** Clients acting as each controller's service account (default: `client` with its own User-Agent). */
  readonly clientFor?: (serviceAccount: string) => Client;
}

/**
 * Which controllers a `--controllers` list selects, as kube-controller-manager decides: the
 * first item naming a controller (`name` or `-name`) settles it; otherwise `*` turns on every
 * controller on by default (all of k3ts's are); without `*`, nothing else runs. Names of
 * kube-controller-manager controllers that k3ts does not have are skipped (the caller warns).
 */
export function selectControllers(spec: readonly string[] = ['*']): string[] {
  const star = spec.includes('*');
  return Object.keys(CONTROLLERS).filter((n) => {
    for (const s of spec) {
      if (s === n) return true;
      if (s === `-${n}`) return false;
    }
    return star;
  });
}

/** Controllers a `--controllers` list turns on by name that k3ts does not have. */
export function unavailableControllers(spec: readonly string[]): string[] {
  return spec.filter((s) => s !== '*' && !s.startsWith('-') && !(s in CONTROLLERS));
}

export class ControllerManager {
  readonly informers: InformerFactory;
  readonly controllers: readonly Controller[];

  constructor(opts: ControllerManagerOptions) {
    this.informers = opts.informers ?? new InformerFactory(opts.client);
    const ctx = controllerContext(opts.client, this.informers, {
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}), ...(opts.rootCaPem !== undefined ? { rootCaPem: opts.rootCaPem } : {}),
      ...(opts.nodeLifecycle !== undefined ? { nodeLifecycle: opts.nodeLifecycle } : {}), ...(opts.signing ? { signing: opts.signing } : {}),
      ...(opts.nodeIpam ? { nodeIpam: opts.nodeIpam } : {}), ...(opts.clientFor ? { clientFor: opts.clientFor } : {}),
      ...(opts.podGc ? { podGc: opts.podGc } : {}), ...(opts.workersByController ? { workersByController: opts.workersByController } : {}),
    });
    this.controllers = selectControllers(opts.controllers).flatMap((n) => CONTROLLERS[n]?.(ctx) ?? []);
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
