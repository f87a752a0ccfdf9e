// The datastore the benchmark server runs on. `fake` is the in-process test backend; `sqlite`
// and `memory` are the datastore's drivers once they are available.
import type { Backend } from '../../src/datastore/backend.js';
import { FakeBackend } from '../../src/apiserver/testing/fake-backend.js';

export async function openBenchBackend(kind: string): Promise<{ backend: Backend; describe: string }> {
  if (kind === 'fake') return { backend: new FakeBackend(), describe: 'fake (in-process test backend)' };
  throw new Error(`datastore ${kind} is not available in this build`);
}
