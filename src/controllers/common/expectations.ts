/**
 * @module Controller expectations (kube-controller-manager's ControllerExpectations): a
 * controller that just created or deleted pods must not act again on the same owner until its
 * informer has seen those changes, or it would create or delete twice. Expectations expire
 * after 5 minutes so a lost event cannot wedge an owner forever.
 */

const EXPECTATIONS_TTL_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  /** Keys of objects whose deletion is expected (UID-tracking expectations). */
  deleting: Set<string>;
  at: number;
}

/** Pending creations and deletions per owner key. */
export class Expectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True when nothing is pending (or the expectation expired, or none was ever set). */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.at > EXPECTATIONS_TTL_MS;
  }

  /** Records that `n` creations are about to be issued. */
  expectCreations(key: string, n: number): void {
    this.byKey.set(key, { add: n, del: 0, deleting: new Set(), at: this.now() });
  }

  /** Records that the objects with these keys are about to be deleted. */
  expectDeletions(key: string, objectKeys: readonly string[]): void {
    this.byKey.set(key, { add: 0, del: objectKeys.length, deleting: new Set(objectKeys), at: this.now() });
  }

  /** One expected creation was observed (or will never happen because it failed). */
  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e && e.add > 0) e.add--;
  }

  /** The deletion of `objectKey` was observed (or failed); unknown keys are ignored. */
  deletionObserved(key: string, objectKey: string): void {
    const e = this.byKey.get(key);
    if (e && e.deleting.delete(objectKey)) e.del--;
  }

  /** Forgets the owner (it was deleted). */
  delete(key: string): void {
    this.byKey.delete(key);
  }
}
