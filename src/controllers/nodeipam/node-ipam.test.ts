import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCidr, type Cidr } from '../../base/cidr.js';
import { subnet } from './node-ipam-controller.js';

test('subnet() carves /24s out of the cluster CIDR in order and stops at its end', () => {
  const c = parseCidr('10.42.0.0/16') as Cidr;
  assert.equal(subnet(c, 24, 0), '10.42.0.0/24');
  assert.equal(subnet(c, 24, 1), '10.42.1.0/24');
  assert.equal(subnet(c, 24, 255), '10.42.255.0/24');
  assert.equal(subnet(c, 24, 256), undefined);
  assert.equal(subnet(parseCidr('10.42.0.0/24') as Cidr, 26, 3), '10.42.0.192/26');
});
