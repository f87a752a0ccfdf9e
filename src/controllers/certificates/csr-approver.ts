/**
 * @module The CSR approver (csrapproving): approves kubelet client certificate requests
 * (signer kube-apiserver-client-kubelet) whose subject is a node's, when a SubjectAccessReview
 * says the requester may create `certificatesigningrequests/nodeclient` (a new node) or
 * `selfnodeclient` (a node renewing its own certificate).
 */
import { messageOf } from '../../base/errors.js';
import { isConflict, isNotFound, ServiceUnavailableError } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { nowTime } from '../common/conditions.js';
import type { Controller, ControllerContext } from '../common/context.js';
import { CsrError, parseCsr } from './csr.js';
import { conditionOf, type CertificateSigningRequest } from './csr-types.js';
import { KUBELET_CLIENT, validate } from './signers.js';

export class CsrApprover implements Controller {
  readonly name = 'csrapproving-controller';
  private readonly csrs: SharedInformer<CertificateSigningRequest>;
  private readonly client: ResourceClient<CertificateSigningRequest>;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.client = ctx.clientFor('certificate-controller').resource<CertificateSigningRequest>(resources.certificatesigningrequests);
    this.csrs = ctx.informers.informer<CertificateSigningRequest>(resources.certificatesigningrequests);
    const add = (c: CertificateSigningRequest): void => this.queue.add(c.metadata.name ?? '');
    this.csrs.addEventHandler({ onAdd: add, onUpdate: (_o, c) => add(c) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (name) => this.sync(name, signal), { workers: this.ctx.workers ?? 2, name: this.name, signal });
  }

  private async sync(name: string, signal: AbortSignal): Promise<void> {
    const csr = this.csrs.store.get(name);
    if (!csr || csr.spec.signerName !== KUBELET_CLIENT || conditionOf(csr, 'Approved') || conditionOf(csr, 'Denied')) return;
    let parsed;
    try {
      parsed = parseCsr(Buffer.from(csr.spec.request, 'base64'));
    } catch (err) {
      if (err instanceof CsrError) return;
      throw err;
    }
    if (validate(KUBELET_CLIENT, parsed, csr.spec.usages ?? []) !== undefined) return;
    const self = csr.spec.username === parsed.cn;
    const sub = self ? 'selfnodeclient' : 'nodeclient';
    if (!(await this.allowed(csr, sub, signal))) return;
    const message = self ? 'Auto approving self kubelet client certificate after SubjectAccessReview.' : 'Auto approving kubelet client certificate after SubjectAccessReview.';
    const conditions = [...(csr.status?.conditions ?? []), { type: 'Approved', status: 'True' as const, reason: 'AutoApproved', message, lastUpdateTime: nowTime(), lastTransitionTime: nowTime() }];
    const body = { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', ...csr, status: { ...csr.status, conditions } };
    try {
      await this.client.writeSubresource(name, 'approval', { method: 'PUT', body, signal });
    } catch (err) {
      if (isNotFound(err) || isConflict(err)) return;
      // An API server without the approval subresource: the same condition through /status.
      if (err instanceof ServiceUnavailableError) {
        await this.client.updateStatus(body, { signal }).catch((e: unknown) => { if (!isNotFound(e) && !isConflict(e)) throw e; });
        return;
      }
      throw new Error(`approving ${name}: ${messageOf(err)}`, { cause: err });
    }
  }

  /** Asks the API server whether the requester may create the given subresource. */
  private async allowed(csr: CertificateSigningRequest, subresource: string, signal: AbortSignal): Promise<boolean> {
    const review = await this.ctx.clientFor('certificate-controller').rest.json({
      method: 'POST', path: '/apis/authorization.k8s.io/v1/subjectaccessreviews', signal,
      body: {
        apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview',
        spec: {
          user: csr.spec.username ?? '', uid: csr.spec.uid ?? '', groups: csr.spec.groups ?? [], extra: csr.spec.extra ?? {},
          resourceAttributes: { group: 'certificates.k8s.io', resource: 'certificatesigningrequests', verb: 'create', subresource },
        },
      },
    }) as { status?: { allowed?: boolean } } | undefined;
    return review?.status?.allowed === true;
  }
}
