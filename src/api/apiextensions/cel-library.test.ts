import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCelError, isCelList } from '@bufbuild/cel';
import { compileRule } from './cel-rules.js';

/** Evaluates `expr` with `self` bound; the value, or 'error' when evaluation fails. */
function run(expr: string, self: unknown = null): unknown {
  const c = compileRule({ rule: expr });
  assert.ok(c.program, `${expr}: ${c.unsupported ?? 'not compiled'}`);
  const r = c.program({ self });
  return isCelError(r) ? 'error' : isCelList(r) ? [...r] : r;
}

const cases = (rows: ReadonlyArray<readonly [string, unknown]>): void => {
  for (const [expr, want] of rows) assert.deepEqual(run(expr), want, expr);
};

test('the IP library parses as netip does and answers the address predicates', () => {
  cases([
    ["isIP('192.168.0.1')", true], ["isIP('2001:db8::68')", true], ["isIP('192.168.0.01')", false],
    ["isIP('fe80::1%eth0')", false], ["isIP('::ffff:1.2.3.4')", false], ["isIP('1.2.3')", false],
    ["ip('192.168.0.1').family()", 4n], ["ip('2001:db8::68').family()", 6n],
    ["ip('0.0.0.0').isUnspecified()", true], ["ip('::').isUnspecified()", true], ["ip('10.0.0.1').isUnspecified()", false],
    ["ip('127.0.0.9').isLoopback()", true], ["ip('::1').isLoopback()", true], ["ip('::2').isLoopback()", false],
    ["ip('224.0.0.251').isLinkLocalMulticast()", true], ["ip('ff02::1').isLinkLocalMulticast()", true], ["ip('224.0.1.1').isLinkLocalMulticast()", false],
    ["ip('169.254.1.1').isLinkLocalUnicast()", true], ["ip('fe80::1').isLinkLocalUnicast()", true], ["ip('fec0::1').isLinkLocalUnicast()", false],
    ["ip('10.0.0.1').isGlobalUnicast()", true], ["ip('2001:db8::1').isGlobalUnicast()", true],
    ["ip('255.255.255.255').isGlobalUnicast()", false], ["ip('224.0.0.1').isGlobalUnicast()", false], ["ip('127.0.0.1').isGlobalUnicast()", false],
    ["ip.isCanonical('127.0.0.1')", true], ["ip.isCanonical('2001:db8::abc')", true], ["ip.isCanonical('2001:DB8::ABC')", false],
    ["ip.isCanonical('2001:db8:0:0:0:0:0:abc')", false],
    ["ip('2001:db8::1') == ip('2001:DB8:0::1')", true], ["string(ip('2001:DB8::0:1'))", '2001:db8::1'],
    ["ip('1.2.3.4.5')", 'error'], ["ip('::ffff:1.2.3.4')", 'error'],
  ]);
});

test('the CIDR library keeps the written address and checks containment', () => {
  cases([
    ["isCIDR('10.0.0.0/8')", true], ["isCIDR('10.0.0.0/33')", false], ["isCIDR('10.0.0.0')", false], ["isCIDR('::/0')", true],
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true], ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
    ["cidr('192.168.0.0/24').containsIP(ip('2001:db8::1'))", false],
    ["cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))", true], ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/16')", false],
    ["cidr('192.168.1.5/24').ip() == ip('192.168.1.5')", true], ["string(cidr('192.168.1.5/24').masked())", '192.168.1.0/24'],
    ["cidr('2001:db8::/32').prefixLength()", 32n], ["cidr('2001:db8::/32').ip().family()", 6n],
    ["cidr('192.168.0.0/24') == cidr('192.168.0.0/24')", true], ["cidr('10.0.0.0/40')", 'error'],
  ]);
});

test('the semver library parses strictly, normalizes on request and orders versions', () => {
  cases([
    ["isSemver('1.0.0')", true], ["isSemver('1.0.0-alpha.1+build.5')", true], ["isSemver('v1.0.0')", false], ["isSemver('1.0')", false],
    ["isSemver('01.0.0')", false], ["isSemver('v1.0', true)", true], ["isSemver('1.01.0', true)", true],
    ["semver('1.2.3').major()", 1n], ["semver('1.2.3').minor()", 2n], ["semver('1.2.3').patch()", 3n], ["semver('v2.5', true).minor()", 5n],
    ["semver('1.0.0').isLessThan(semver('1.0.1'))", true], ["semver('1.10.0').isGreaterThan(semver('1.9.9'))", true],
    ["semver('1.0.0-alpha').isLessThan(semver('1.0.0'))", true], ["semver('1.0.0-alpha.2').compareTo(semver('1.0.0-alpha.10'))", -1n],
    ["semver('1.0.0-alpha.beta').compareTo(semver('1.0.0-alpha.1'))", 1n], ["semver('1.0.0+a').compareTo(semver('1.0.0+b'))", 0n],
    ["semver('1.0')", 'error'],
    // The quantity comparisons, which share the method names, still work.
    ["quantity('1Gi').isGreaterThan(quantity('1G'))", true],
  ]);
});

test('the format library validates names and values, with optional-like results', () => {
  cases([
    ["format.dns1123Label().validate('my-name').hasValue()", false],
    ["format.dns1123Label().validate('My_Name').hasValue()", true],
    ["format.dns1123Label().validate('My_Name').value().size() > 0", true],
    ["format.dns1123Subdomain().validate('a.b.c').hasValue()", false],
    ["format.dns1035Label().validate('1abc').hasValue()", true],
    ["format.dns1123LabelPrefix().validate('web-').hasValue()", false],
    ["format.qualifiedName().validate('example.com/name').hasValue()", false],
    [`format.labelValue().validate('${'x'.repeat(64)}').hasValue()`, true],
    ["format.uuid().validate('f81d4fae-7dec-11d0-a765-00a0c91e6bf6').hasValue()", false],
    ["format.date().validate('2024-02-30x').hasValue()", true],
    ["format.named('dns1123Label').hasValue()", true], ["format.named('nope').hasValue()", false],
    ["format.named('dns1123Label').value().validate('ok').hasValue()", false],
    // format.go returns url.ParseRequestURI's error text.
    ["format.uri().validate('not a uri').orValue(['fine'])", ['parse "not a uri": invalid URI for request']],
    ["format.uri().validate('https://example.com').orValue(['fine'])", ['fine']],
    ["format.named('nope').value()", 'error'],
  ]);
});

test('url getQuery returns every value of every key', () => {
  assert.deepEqual(run("url('https://example.com/p?a=1&b=2&a=3').getQuery()['a']"), ['1', '3']);
  assert.deepEqual(run("url('https://example.com/p').getQuery().size()"), 0n);
});
