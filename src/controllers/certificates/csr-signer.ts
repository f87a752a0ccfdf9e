/**
 * @module The CSR signer (csrsigning): issues certificates for approved requests to the
 * built-in signers, valid for spec.expirationSeconds (at least 10 minutes) capped at the
 * cluster signing duration (one year), or marks the request Failed when the signer refuses it.
 * Also the CSR cleaner: finished requests go after an hour, pending ones after a day.
 */
import { sleep } from '../../base/async.js';
import { messageOf } from '../../base/errors.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { nowTime } from '../common/conditions.js';
import type { Controller, ControllerContext } from '../common/context.js';
import { CsrError, parseCsr } from './csr.js';
import { isApproved, isFinished, type CertificateSigningRequest } from './csr-types.js';
import { caFor, sign, validate, type SigningCas } from './signers.js';

const MAX_SECONDS = 365 * 24 * 3600;
const MIN_SECONDS = 600;

export class CsrSigner implements Controller {
  readonly name = 'csrsigning-controller';
  private readonly csrs: SharedInformer<CertificateSigningRequest>;
  private readonly client: ResourceClient<CertificateSigningRequest>;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext, private readonly cas: SigningCas) {
    this.client = ctx.clientFor('certificate-controller').resource<CertificateSigningRequest>(resources.certificatesigningrequests);
    this.csrs = ctx.informers.informer<CertificateSigningRequest>(resources.certificatesigningrequests);
    const add = (c: CertificateSigningRequest): void => this.queue.add(c.metadata.name ?? '');
    this.csrs.addEventHandler({ onAdd: add, onUpdate: (_o, c) => add(c) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await Promise.all([
      runWorkers(this.queue, (name) => this.sync(name, signal), { workers: this.ctx.workers ?? 2, name: this.name, signal }),
      this.clean(signal),
    ]);
  }

  private async sync(name: string, signal: AbortSignal): Promise<void> {
    const csr = this.csrs.store.get(name);
    if (!csr || !isApproved(csr) || isFinished(csr)) return;
    const ca = caFor(csr.spec.signerName, this.cas);
    if (!ca) return;
    const usages = csr.spec.usages ?? [];
    let status: CertificateSigningRequest['status'];
    try {
      const parsed = parseCsr(Buffer.from(csr.spec.request, 'base64'));
      const why = validate(csr.spec.signerName, parsed, usages);
      if (why) throw new CsrError(why);
      const seconds = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, csr.spec.expirationSeconds ?? MAX_SECONDS));
      status = { ...csr.status, certificate: Buffer.from(sign(ca, parsed, usages, { now: new Date(), seconds })).toString('base64') };
    } catch (err) {
      if (!(err instanceof CsrError)) throw err;
      status = { ...csr.status, conditions: [...(csr.status?.conditions ?? []), { type: 'Failed', status: 'True', reason: 'SignerValidationFailure', message: messageOf(err), lastUpdateTime: nowTime(), lastTransitionTime: nowTime() }] };
    }
    try {
      await this.client.updateStatus({ ...csr, status }, { signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  /** The CSR cleaner's periodic pass. */
  private async clean(signal: AbortSignal): Promise<void> {
    for (;;) {
      try {
        await sleep(60_000, signal);
      } catch {
        return;
      }
      const now = Date.now();
      for (const csr of this.csrs.store.list()) {
        const created = Date.parse(csr.metadata.creationTimestamp ?? '') || now;
        const age = now - created;
        if ((isFinished(csr) && age > 3_600_000) || age > 24 * 3_600_000) {
          await this.client.delete(csr.metadata.name ?? '', { signal }).catch((e: unknown) => { if (!isNotFound(e)) throw e; });
        }
      }
    }
  }
}
