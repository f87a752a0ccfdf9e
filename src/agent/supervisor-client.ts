/**
 * @module The agent's side of k3s's TLS bootstrap and supervisor calls: `GET /cacerts` without
 * verification, the CA bundle checked against the K10 hash of a full token (a short token trusts
 * it on first use), then every request verified against that bundle and sent with the token's
 * basic-auth credentials (user `node` when the token names none, as k3s).
 */
import { request } from 'node:https';
import { JoinError, messageOf } from '../base/errors.js';
import { caHash, type ParsedToken } from '../pki/token.js';

/** An answer from the supervisor. */
interface Answer {
  readonly status: number;
  readonly body: Buffer;
}

function get(url: URL, opts: { ca?: string; headers?: Record<string, string>; signal: AbortSignal }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET', headers: opts.headers ?? {}, signal: opts.signal,
      ...(opts.ca !== undefined ? { ca: opts.ca } : { rejectUnauthorized: false }),
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The reason text of a failed answer: a Status's message, else the body's first line. */
function reasonOf(a: Answer): string {
  const text = a.body.toString('utf8');
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['message'] === 'string') return (v as Record<string, string>)['message'] ?? '';
  } catch {
    // not JSON: plain text as k3s's http.Error writes it
  }
  return text.split('\n')[0] ?? '';
}

/** Talks to one k3s/k3ts supervisor with a verified CA. */
export class SupervisorClient {
  private constructor(private readonly base: URL, readonly caPem: string, private readonly auth: string) {}

  /** The TLS bootstrap: fetches and checks the server CA, then returns a verifying client. */
  static async connect(server: string, token: ParsedToken, signal: AbortSignal): Promise<SupervisorClient> {
    const base = new URL(server);
    let cacerts: Answer;
    try {
      cacerts = await get(new URL('/cacerts', base), { signal });
    } catch (err) {
      throw new JoinError(`failed to get CA certs from ${base.origin}: ${messageOf(err)}`, { cause: err });
    }
    if (cacerts.status !== 200) throw new JoinError(`failed to get CA certs from ${base.origin}: HTTP ${cacerts.status}`, { status: cacerts.status });
    const caPem = cacerts.body.toString('utf8');
    if (token.caHash !== undefined) {
      const got = caHash(cacerts.body);
      if (got !== token.caHash) throw new JoinError(`token CA hash does not match the Cluster CA certificate hash: ${token.caHash} != ${got}`);
    }
    const auth = `Basic ${Buffer.from(`${token.username ?? 'node'}:${token.password}`).toString('base64')}`;
    const client = new SupervisorClient(base, caPem, auth);
    // From here on the server must prove it holds a certificate the bundle signed.
    await client.get('/ping', {}, signal);
    return client;
  }

  /** GETs a supervisor path with the token's credentials; non-200 answers throw JoinError with the status. */
  async get(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Buffer> {
    let a: Answer;
    try {
      a = await get(new URL(path, this.base), { ca: this.caPem, headers: { ...headers, authorization: this.auth }, signal });
    } catch (err) {
      throw new JoinError(`${path}: ${messageOf(err)}`, { cause: err });
    }
    if (a.status !== 200) throw new JoinError(`${path}: ${a.status} ${reasonOf(a)}`, { status: a.status });
    return a.body;
  }
}
