import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectControllers, unavailableControllers } from './manager.js';

test('selectControllers() follows kube-controller-manager: the first naming item decides, * turns on the rest', () => {
  const all = selectControllers();
  assert.ok(all.includes('deployment') && all.includes('podgc') && all.includes('nodelifecycle'));
  assert.deepEqual(selectControllers(['*', '-podgc']), all.filter((n) => n !== 'podgc'));
  assert.deepEqual(selectControllers(['job', 'deployment']), ['deployment', 'job']);
  assert.deepEqual(selectControllers(['-deployment', 'deployment', '*']), all.filter((n) => n !== 'deployment'));
  assert.deepEqual(selectControllers([]), []);
  assert.deepEqual(unavailableControllers(['*', 'bootstrapsigner', '-tokencleaner', 'job']), ['bootstrapsigner']);
});
