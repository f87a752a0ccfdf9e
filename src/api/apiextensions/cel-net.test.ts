import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIP, parseCIDR, parseIP } from './cel-net.js';
import { expectCel } from './testing/cel-eval.js';

// The examples are those of the Kubernetes docs and apiserver's library/ip.go and cidr.go.

test('ip() and isIP() accept IPv4 and IPv6 and refuse what Kubernetes refuses', () => {
  expectCel([
    ["isIP('127.0.0.1')", true], ["isIP('::1')", true], ["isIP('127.0.0.256')", false], ["isIP(':::1')", false],
    ["isIP('::ffff:1.2.3.4')", false], ["isIP('fe80::1%eth0')", false], ["isIP('010.0.0.1')", false], ["isIP('')", false],
    ["isIP('1:2:3:4:5:6:7::')", true], ["isIP('1:2:3:4:5:6:7:8::')", false], ["isIP('::1.2.3.4')", true],
    ["ip('127.0.0.1').family() == 4", true], ["ip('::1').family() == 6", true],
    ["ip('127.0.0.256')", /^IP Address "127\.0\.0\.256" parse error during conversion from string: ParseAddr\("127\.0\.0\.256"\): IPv4 field has value >255$/],
    ["ip(':::1')", /parse error during conversion from string/],
    ["ip('::ffff:1.2.3.4')", /^IPv4-mapped IPv6 address "::ffff:1\.2\.3\.4" is not allowed$/],
    ["ip('fe80::1%eth0')", /^IP address "fe80::1%eth0" with zone value is not allowed$/],
    ["ip('01.2.3.4')", /IPv4 field has octet with leading zero/],
  ]);
});

test('ip.isCanonical(), string(ip) and ip equality use netip\'s canonical text', () => {
  expectCel([
    ["ip.isCanonical('127.0.0.1')", true], ["ip.isCanonical('2001:db8::abcd')", true],
    ["ip.isCanonical('2001:DB8::ABCD')", false], ["ip.isCanonical('2001:db8::0:0:0:abcd')", false],
    ["ip.isCanonical('nope')", /parse error/],
    ["string(ip('2001:DB8:0:0:1:0:0:1'))", '2001:db8::1:0:0:1'], ["string(ip('::'))", '::'], ["string(ip('1:0:0:0:0:0:0:0'))", '1::'],
    ["ip('2001:db8::abcd') == ip('2001:DB8:0::ABCD')", true], ["ip('10.0.0.1') == ip('10.0.0.2')", false],
    ["type(ip('10.0.0.1')) == net.IP", true],
  ]);
});

test('the address classes answer as Go\'s netip does', () => {
  expectCel([
    ["ip('0.0.0.0').isUnspecified()", true], ["ip('127.0.0.1').isUnspecified()", false], ["ip('::').isUnspecified()", true], ["ip('::1').isUnspecified()", false],
    ["ip('127.0.0.1').isLoopback()", true], ["ip('192.168.0.1').isLoopback()", false], ["ip('::1').isLoopback()", true], ["ip('2001:db8::abcd').isLoopback()", false],
    ["ip('224.0.0.1').isLinkLocalMulticast()", true], ["ip('224.0.1.1').isLinkLocalMulticast()", false],
    ["ip('ff02::1').isLinkLocalMulticast()", true], ["ip('fd00::1').isLinkLocalMulticast()", false],
    ["ip('169.254.169.254').isLinkLocalUnicast()", true], ["ip('192.168.0.1').isLinkLocalUnicast()", false],
    ["ip('fe80::1').isLinkLocalUnicast()", true], ["ip('fd80::1').isLinkLocalUnicast()", false],
    ["ip('192.168.0.1').isGlobalUnicast()", true], ["ip('255.255.255.255').isGlobalUnicast()", false],
    ["ip('2001:db8::abcd').isGlobalUnicast()", true], ["ip('ff00::1').isGlobalUnicast()", false],
  ]);
});

test('cidr(), isCIDR() and the CIDR methods follow library/cidr.go', () => {
  expectCel([
    ["isCIDR('192.168.0.0/16')", true], ["isCIDR('::1/128')", true], ["isCIDR('192.168.0.0/33')", false], ["isCIDR('::1/129')", false],
    ["isCIDR('192.168.0.0')", false], ["isCIDR('192.168.0.0/08')", false], ["isCIDR('::ffff:1.2.3.4/120')", false],
    ["cidr('192.168.0.0/')", /^network address parse error during conversion from string: network address parse error during conversion from string: netip\.ParsePrefix\("192\.168\.0\.0\/"\): bad bits after slash: ""$/],
    ["cidr('::ffff:1.2.3.4/120')", /IPv4-mapped IPv6 address "::ffff:1\.2\.3\.4\/120" is not allowed/],
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true], ["cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))", false],
    ["cidr('192.168.0.0/24').containsIP('192.168.0.1')", true], ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
    ["cidr('2001:db8::/32').containsIP('2001:db8::1')", true], ["cidr('2001:db8::/32').containsIP('2001:dc8::1')", false],
    ["cidr('0.0.0.0/0').containsIP('::1')", false], ["cidr('10.0.0.0/8').containsIP('nope')", /parse error/],
    ["cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))", true], ["cidr('192.168.1.0/24').containsCIDR(cidr('192.168.2.0/24'))", false],
    ["cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')", true], ["cidr('192.168.1.0/24').containsCIDR('192.168.2.0/24')", false],
    ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')", false], ["cidr('2001:db8::/32').containsCIDR('2001:db8::/33')", true],
    ["cidr('192.168.0.1/24').ip() == ip('192.168.0.1')", true], ["cidr('192.168.0.1/24').ip().family()", 4n], ["cidr('::1/128').ip().family()", 6n],
    ["cidr('192.168.0.0/24').masked() == cidr('192.168.0.0/24')", true], ["cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')", true],
    ["cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()", true], ["cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()", false],
    ["string(cidr('2001:db8:1::/32').masked())", '2001:db8::/32'], ["string(cidr('192.168.0.1/24'))", '192.168.0.1/24'],
    ["cidr('192.168.0.0/16').prefixLength()", 16n], ["cidr('::1/128').prefixLength()", 128n],
    ["type(cidr('192.168.0.0/24')) == net.CIDR", true],
  ]);
});

test('parseIP() and formatIP() round-trip to RFC 5952 text; parseCIDR() reports the range', () => {
  assert.deepEqual(parseIP('10.1.2.3'), [10, 1, 2, 3]);
  assert.equal(formatIP(parseIP('0:0:1:0:0:0:0:1') as number[]), '0:0:1::1');
  assert.equal(formatIP(parseIP('1:0:0:2:0:0:0:3') as number[]), '1:0:0:2::3');
  assert.equal(formatIP(parseIP('::1.2.3.4') as number[]), '::102:304');
  assert.match(String(parseCIDR('10.0.0.0/40')), /prefix length out of range/);
});
