/**
 * @module Test and benchmark helper: a TCP port that was free a moment ago on loopback.
 */
import { createServer } from 'node:net';

/** Binds port 0 on 127.0.0.1, reads the port the kernel chose, and releases it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
