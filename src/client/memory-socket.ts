/**
 * @module Two connected in-memory streams standing in for a socket pair: what one side writes
 * the other reads, with backpressure (a write completes only once the reader takes it) and
 * closing either side closes both. Node 20 has no stream.duplexPair.
 */
import { Duplex } from 'node:stream';

/** One end of the pair; carries the few socket methods node's http module calls. */
export class MemorySocket extends Duplex {
  peer: MemorySocket | undefined;
  private pendingWrite: ((err?: Error | null) => void) | undefined;
  readonly remoteAddress = '127.0.0.1';
  readonly remotePort = 0;
  readonly localAddress = '127.0.0.1';
  readonly localPort = 0;
  readonly remoteFamily = 'IPv4';
  readonly encrypted = false;

  override _read(): void {
    // Our reader wants more: let the peer's parked write complete.
    const cb = this.peer?.pendingWrite;
    if (this.peer && cb) {
      this.peer.pendingWrite = undefined;
      cb();
    }
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    const peer = this.peer;
    if (!peer || peer.destroyed) {
      cb(new Error('socket closed'));
      return;
    }
    if (peer.push(chunk)) cb();
    else this.pendingWrite = cb;
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.peer?.push(null);
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const pending = this.pendingWrite;
    this.pendingWrite = undefined;
    pending?.(new Error('socket closed'));
    if (this.peer && !this.peer.destroyed) this.peer.destroy();
    cb(err);
  }

  setTimeout(): this { return this; }
  setNoDelay(): this { return this; }
  setKeepAlive(): this { return this; }
  ref(): this { return this; }
  unref(): this { return this; }
}

/** A connected pair: [client end, server end]. */
export function memorySocketPair(): [MemorySocket, MemorySocket] {
  const a = new MemorySocket();
  const b = new MemorySocket();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
