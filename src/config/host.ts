/**
 * @module Facts about the machine that defaults depend on (root or not, home, hostname, the
 * host's addresses, the working directory), gathered once so that resolving the configuration
 * stays a pure function of flag values and these facts.
 */
import { readFileSync } from 'node:fs';
import { homedir, hostname, networkInterfaces } from 'node:os';

/** What configuration defaults read from the host. */
export interface HostFacts {
  readonly uid: number;
  readonly home: string;
  readonly hostname: string;
  readonly cwd: string;
  /** Non-loopback, non-link-local addresses of this host, IPv4 first. */
  readonly addresses: readonly string[];
  /** Reads a small text file (token files). */
  readFile(path: string): string;
}

/** The facts of the machine this process runs on. */
export function currentHost(): HostFacts {
  const addrs: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal || a.address.toLowerCase().startsWith('fe80')) continue;
      addrs.push(a.address);
    }
  }
  addrs.sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
  return {
    uid: process.getuid?.() ?? 0,
    home: homedir(),
    hostname: hostname(),
    cwd: process.cwd(),
    addresses: addrs,
    readFile: (path) => readFileSync(path, 'utf8'),
  };
}
