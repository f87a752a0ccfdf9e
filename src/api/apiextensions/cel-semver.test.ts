import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSemver, parseSemver, parseSemverNormalized } from './cel-semver.js';
import { expectCel } from './testing/cel-eval.js';

// The examples are those of the Kubernetes docs and apiserver's library/semverlib.go.

test('semver() and isSemver() parse semver.org versions, with the v1.33 normalize flag', () => {
  expectCel([
    ["isSemver('1.0.0')", true], ["isSemver('0.1.0-alpha.1')", true], ["isSemver('1.0.0+build.7')", true],
    ["isSemver('hello')", false], ["isSemver('v1.0')", false], ["isSemver('1.0')", false], ["isSemver('01.0.0')", false],
    ["isSemver('1.0.0-01')", false], ["isSemver('1.0.0-')", false],
    ["isSemver('v1.0', true)", true], ["isSemver('1.0', true)", true], ["isSemver('01.01.01', true)", true], ["isSemver('1.0-rc', true)", false],
    ["semver('200K')", /^No Major\.Minor\.Patch elements found$/], ["semver('Three')", /No Major\.Minor\.Patch/], ["semver('Mi')", /No Major\.Minor\.Patch/],
    ["semver('1.a.0')", /^Invalid character\(s\) found in minor number "a"$/],
    ["semver('01.0.0')", /^Major number must not contain leading zeroes "01"$/],
    ["semver('v1.0.0', true) == semver('1.0.0')", true], ["semver('1.0', true) == semver('1.0.0')", true],
    ["semver('01.01.01', true) == semver('1.1.1')", true], ["semver('1.0.0+a') == semver('1.0.0+b')", true],
  ]);
});

test('major(), minor() and patch() return the numbers; comparisons follow semver precedence', () => {
  expectCel([
    ["semver('1.2.3').major()", 1n], ["semver('1.2.3').minor()", 2n], ["semver('1.2.3').patch()", 3n],
    ["semver('1.2.3').compareTo(semver('1.2.3'))", 0n], ["semver('1.2.3').compareTo(semver('2.0.0'))", -1n], ["semver('1.2.3').compareTo(semver('0.1.2'))", 1n],
    ["semver('1.2.3').isGreaterThan(semver('1.2.2'))", true], ["semver('1.2.3').isGreaterThan(semver('1.2.3'))", false],
    ["semver('1.2.3').isLessThan(semver('1.10.0'))", true], ["semver('1.0.0-alpha').isLessThan(semver('1.0.0'))", true],
    ["semver('1.0.0-alpha.1').isLessThan(semver('1.0.0-alpha.beta'))", true], ["semver('1.0.0-beta.2').isLessThan(semver('1.0.0-beta.11'))", true],
    ["semver('1.0.0-rc.1').isGreaterThan(semver('1.0.0-beta.11'))", true], ["semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1'))", true],
    // The quantity methods of the same names still apply to strings.
    ["quantity('1Gi').isGreaterThan(quantity('500Mi'))", true],
  ]);
});

test('parseSemver() keeps uint64 numbers and drops build metadata from ordering', () => {
  assert.equal(parseSemver('18446744073709551615.0.0').major, 18446744073709551615n);
  assert.throws(() => parseSemver('18446744073709551616.0.0'), /value out of range/);
  assert.equal(compareSemver(parseSemver('1.0.0+x'), parseSemver('1.0.0')), 0);
  assert.deepEqual(parseSemverNormalized('v0001.002').pre, []);
  assert.equal(parseSemverNormalized('v0001.002').minor, 2n);
  assert.throws(() => parseSemverNormalized('1-rc'), /short version cannot contain PreRelease\/Build meta data/);
});
