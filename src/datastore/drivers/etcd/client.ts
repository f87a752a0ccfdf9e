/**
 * @module A raw etcd v3 gRPC client on @grpc/grpc-js: unary calls and Watch streams carrying
 * bytes (messages.ts does the encoding). Several endpoints: calls go to the current one and
 * move to the next after it fails to answer. gRPC failures are translated here, once.
 */
import * as grpc from '@grpc/grpc-js';
import { K3tsError } from '../../../base/errors.js';
import { CompactedError, DatastoreUnavailableError, FutureRevisionError } from '../../backend.js';
import type { TlsFiles } from '../../tls.js';

const identity = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const raw = (b: Buffer): Uint8Array => b;

/** An etcd error we understand, before the backend adds context. */
export class EtcdRpcError extends Error {
  constructor(readonly grpcCode: number, message: string) {
    super(message.replace(/\.?\s*Resolution note:.*$/s, ''));
  }
  get compacted(): boolean { return /required revision has been compacted/.test(this.message); }
  get future(): boolean { return /required revision is a future revision/.test(this.message); }
}

export type WatchStream = grpc.ClientDuplexStream<Uint8Array, Uint8Array>;

export class EtcdClient {
  private readonly clients: grpc.Client[];
  private current = 0;

  constructor(urls: readonly URL[], tls: TlsFiles, private readonly where: string, private readonly timeoutMs = 15_000) {
    this.clients = urls.map((u) => {
      const creds = u.protocol === 'https:'
        ? grpc.credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null)
        : grpc.credentials.createInsecure();
      const port = u.port || '2379';
      return new grpc.Client(`${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${port}`, creds, {
        'grpc.max_receive_message_length': 1 << 30,
        'grpc.max_send_message_length': 1 << 30,
        'grpc.keepalive_time_ms': 30_000,
        'grpc.keepalive_timeout_ms': 10_000,
        'grpc.initial_reconnect_backoff_ms': 200,
        'grpc.max_reconnect_backoff_ms': 2000,
      });
    });
  }

  /** One unary call, e.g. `call('KV', 'Range', bytes)`. */
  call(service: string, method: string, request: Uint8Array): Promise<Uint8Array> {
    const index = this.current;
    const client = this.clients[index]!;
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(`/etcdserverpb.${service}/${method}`, identity, raw, request, new grpc.Metadata(),
        { deadline: Date.now() + this.timeoutMs }, (err, res) => {
          if (err) {
            if (err.code === grpc.status.UNAVAILABLE || err.code === grpc.status.DEADLINE_EXCEEDED) this.failover(index);
            reject(new EtcdRpcError(err.code, err.details || err.message));
          } else resolve(res ?? new Uint8Array(0));
        });
    });
  }

  /** Opens a Watch stream on the current endpoint. */
  watchStream(): { stream: WatchStream; fail: () => void } {
    const index = this.current;
    const stream = this.clients[index]!.makeBidiStreamRequest('/etcdserverpb.Watch/Watch', identity, raw, new grpc.Metadata(), {});
    return { stream, fail: () => this.failover(index) };
  }

  close(): void {
    for (const c of this.clients) c.close();
  }

  /** Translates an error from call() into the datastore's errors. */
  translate(err: unknown, revision?: { requested: number; current?: number; compact?: number }): Error {
    if (err instanceof EtcdRpcError) {
      if (err.compacted && revision) return new CompactedError(revision.requested, revision.compact ?? 0);
      if (err.future && revision) return new FutureRevisionError(revision.requested, revision.current ?? 0);
      const retry = err.grpcCode === grpc.status.RESOURCE_EXHAUSTED ? 2 : 1;
      return new DatastoreUnavailableError(`${this.where}: ${grpcName(err.grpcCode)}: ${err.message}`, { cause: err, retryAfterSeconds: retry });
    }
    if (err instanceof K3tsError) return err;
    return new DatastoreUnavailableError(`${this.where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }

  private failover(index: number): void {
    if (this.current === index && this.clients.length > 1) this.current = (index + 1) % this.clients.length;
  }
}

function grpcName(code: number): string {
  const name = Object.entries(grpc.status).find(([, v]) => v === code)?.[0];
  return name ?? `code ${code}`;
}
