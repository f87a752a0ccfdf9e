/**
 * @module Test helper: a fresh temporary folder, removed when the test ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a temp folder named `<prefix>XXXXXX` and registers its removal with `t.after`. */
export function tempDir(t: { after(fn: () => void): void }, prefix = 'k3ts-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
