/** @module The conformance suite on the SQLite driver, one database file per case. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformance } from '../../testing/conformance.js';
import { openSqlite } from './sqlite-driver.js';

runConformance({
  name: 'sqlite',
  // Two stores on one file find each other's writes by polling; poll fast in tests.
  tuning: { pollIntervalMs: 50 },
  async database() {
    const dir = mkdtempSync(join(tmpdir(), 'k3ts-sqlite-'));
    return {
      open: (tuning) => openSqlite(join(dir, 'state.db'), tuning),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
