/**
 * @module A real HTTPS admission webhook for the integration tests, with its own CA (the
 * `caBundle` to register): `/validate` refuses names starting with `bad`, `/mutate` adds the
 * label `mutated=yes`, `/slow` answers after 3 s, `/record/...` allows; any other path a test
 * routes itself. Every AdmissionReview it receives is kept.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCa, issueCertificate } from '../../src/pki/authority.js';
import { generateEcKey } from '../../src/pki/keys.js';

/** The parts of an AdmissionReview request the tests look at. */
export interface ReviewRequest {
  uid: string;
  name?: string;
  kind: Record<string, string>;
  resource: Record<string, string>;
  subResource?: string;
  requestKind: Record<string, string>;
  requestResource: Record<string, string>;
  requestSubResource?: string;
  object: { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: Record<string, unknown> };
  dryRun: boolean;
}

export interface WebhookServer {
  readonly url: string;
  readonly port: number;
  readonly caBundle: string;
  /** `<path> <object name>` of every call. */
  readonly calls: string[];
  readonly reviews: { path: string; request: ReviewRequest }[];
}

/** A `response` of an AdmissionReview (without its uid). */
export type Answer = Record<string, unknown>;

/** A JSON patch as a mutating webhook answers it. */
export const jsonPatch = (ops: readonly unknown[]): Answer => ({ allowed: true, patchType: 'JSONPatch', patch: Buffer.from(JSON.stringify(ops)).toString('base64') });

function builtin(path: string, r: ReviewRequest): Answer | undefined {
  if (path === '/validate') {
    return r.object.metadata.name.startsWith('bad')
      ? { allowed: false, status: { code: 403, reason: 'Forbidden', message: 'names starting with bad are not allowed' } }
      : { allowed: true, warnings: ['checked by the test webhook'] };
  }
  if (path === '/mutate') return jsonPatch([{ op: 'add', path: '/metadata/labels/mutated', value: 'yes' }]);
  if (path.startsWith('/record')) return { allowed: true };
  return undefined;
}

export async function webhookServer(t: { after(fn: () => unknown): void }, routes: Record<string, (r: ReviewRequest) => Answer> = {}): Promise<WebhookServer> {
  const now = new Date();
  const ca = createCa('webhook-ca', await generateEcKey(), { now });
  const leaf = issueCertificate(ca, await generateEcKey(), { cn: 'webhook', usages: ['serverAuth'], ips: ['127.0.0.1'], dnsNames: ['hooks.default.svc'], days: 1, now });
  const calls: string[] = [];
  const reviews: { path: string; request: ReviewRequest }[] = [];
  const server = createServer({ cert: leaf.certPem, key: leaf.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const review = JSON.parse(Buffer.concat(chunks).toString()) as { request: ReviewRequest };
      const path = (req.url ?? '').split('?')[0] ?? '';
      calls.push(`${path} ${review.request.object.metadata.name}`);
      reviews.push({ path, request: review.request });
      const answer = (response: Answer) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: review.request.uid, ...response } }));
      };
      const route = routes[path];
      const out = route ? route(review.request) : builtin(path, review.request);
      if (out) answer(out);
      else if (path === '/slow') setTimeout(() => answer({ allowed: true }), 3000);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  t.after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
  const port = (server.address() as AddressInfo).port;
  return { url: `https://127.0.0.1:${port}`, port, caBundle: Buffer.from(ca.bundlePem).toString('base64'), calls, reviews };
}

/** A one-webhook Validating/MutatingWebhookConfiguration named `name` (webhook `<name>.example.com`). */
export const hookConfig = (kind: 'Validating' | 'Mutating', name: string, hook: Record<string, unknown>): string => JSON.stringify({
  apiVersion: 'admissionregistration.k8s.io/v1', kind: `${kind}WebhookConfiguration`, metadata: { name },
  webhooks: [{ name: `${name}.example.com`, sideEffects: 'None', admissionReviewVersions: ['v1'], ...hook }],
});
