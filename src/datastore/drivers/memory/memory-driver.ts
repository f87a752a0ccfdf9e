/**
 * @module The memory datastore (`memory://` or `memory://<name>`): the full store semantics
 * without persistence, for tests and throwaway clusters. A named database survives closing
 * the store (until the process exits), so restarts and several servers can be exercised.
 */
import type { Backend } from '../../backend.js';
import { LogStore, type StoreTuning } from '../../logstructured/store.js';
import { MemoryLog, memoryDatabase } from './memory-log.js';

/** Opens a store on the named in-process database (a fresh one when `name` is empty). */
export function openMemory(name: string, tuning: StoreTuning = {}): Promise<Backend> {
  // Every write notifies the other stores directly: no polling needed.
  return LogStore.open(new MemoryLog(memoryDatabase(name)), { pollIntervalMs: 0, ...tuning });
}
