import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, cidrIndexedIp, formatCidr, formatIp, parseCidr, parseIp } from './cidr.js';

test('parseIp() and formatIp() round-trip IPv4 and IPv6 in canonical form', () => {
  for (const [input, canonical] of [
    ['10.43.0.1', '10.43.0.1'], ['::1', '::1'], ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['fe80::1:0:0:5', 'fe80::1:0:0:5'], ['::ffff:192.0.2.1', '::ffff:c000:201'], ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
  ] as const) {
    const ip = parseIp(input);
    assert.ok(ip, input);
    assert.equal(formatIp(ip), canonical);
  }
  assert.equal(parseIp('10.43.0'), undefined);
  assert.equal(parseIp('kubernetes'), undefined);
});

test('parseCidr() clears host bits and rejects bad prefixes', () => {
  assert.equal(formatCidr(parseCidr('10.42.7.9/16')!), '10.42.0.0/16');
  assert.equal(formatCidr(parseCidr('2001:cafe:42::9/56')!), '2001:cafe:42::/56');
  assert.equal(parseCidr('10.42.0.0/33'), undefined);
  assert.equal(parseCidr('10.42.0.0'), undefined);
  assert.equal(parseCidr('10.42.0.0/x'), undefined);
});

test('cidrIndexedIp() gives the first service IP and the cluster DNS IP', () => {
  const svc = parseCidr('10.43.0.0/16')!;
  assert.equal(formatIp(cidrIndexedIp(svc, 1)!), '10.43.0.1');
  assert.equal(formatIp(cidrIndexedIp(svc, 10)!), '10.43.0.10');
  assert.equal(formatIp(cidrIndexedIp(svc, 256)!), '10.43.1.0');
  assert.equal(formatIp(cidrIndexedIp(parseCidr('2001:cafe:43::/112')!, 10)!), '2001:cafe:43::a');
  assert.equal(cidrIndexedIp(parseCidr('10.0.0.0/30')!, 4), undefined);
});

test('cidrContains() checks the prefix and the family', () => {
  const c = parseCidr('10.43.0.0/16')!;
  assert.equal(cidrContains(c, parseIp('10.43.255.1')!), true);
  assert.equal(cidrContains(c, parseIp('10.44.0.1')!), false);
  assert.equal(cidrContains(c, parseIp('::1')!), false);
});
