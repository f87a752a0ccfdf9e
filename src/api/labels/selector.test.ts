import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelSelector } from './parse.js';
import { LabelSelector, SelectorParseError, selectorFromSet } from './selector.js';
import { formatLabelSelectorObject, selectorFromObject } from './from-object.js';

test('parseLabelSelector() parses every operator and prints canonically', () => {
  const s = parseLabelSelector('x in (foo,,baz),y,z notin (), !w, a==b, c!=d, n>1, m<9, e=f');
  assert.equal(s.toString(), 'a==b,c!=d,e=f,m<9,n>1,!w,x in (,baz,foo),y,z notin ()');
});

test('parseLabelSelector() matches like Kubernetes', () => {
  const labels = { app: 'web', tier: 'front', n: '5' };
  const yes = ['app=web', 'app==web', 'app', '!missing', 'app in (web,api)', 'tier notin (back)', 'missing notin (x)', 'n>4', 'n<6', 'app!=api', ''];
  const no = ['app=api', 'missing', '!app', 'app in (api)', 'tier notin (front)', 'n>5', 'n<5', 'app!=web', 'missing in (x)', 'app>1'];
  for (const s of yes) assert.equal(parseLabelSelector(s).matches(labels), true, s);
  for (const s of no) assert.equal(parseLabelSelector(s).matches(labels), false, s);
  assert.equal(parseLabelSelector('').empty(), true);
});

test('parseLabelSelector() rejects bad input with apimachinery messages', () => {
  assert.throws(() => parseLabelSelector('a b'), { message: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" });
  assert.throws(() => parseLabelSelector('a=b c'), { message: "found 'c', expected: ',' or 'end of string'" });
  assert.throws(() => parseLabelSelector('a in b'), { message: "unable to parse requirement: found 'b' expected: '('" });
  assert.throws(() => parseLabelSelector('a=b,'), { message: "found '', expected: identifier after ','" });
  assert.throws(() => parseLabelSelector('a>x'), /for 'Gt', 'Lt' operators, the value must be an integer/);
  assert.throws(() => parseLabelSelector('-bad=x'), (e: unknown) => e instanceof SelectorParseError && /unable to parse requirement: <nil>: Invalid value: "-bad": name part must consist/.test(e.message));
  assert.throws(() => parseLabelSelector('a=b c'), SelectorParseError);
  assert.throws(() => parseLabelSelector('a=-x'), /values\[0\]\[a\]: Invalid value: "-x"/);
});

test('requiresExactMatch() finds pinned values', () => {
  assert.equal(parseLabelSelector('a=1,b in (2)').requiresExactMatch('b'), '2');
  assert.equal(parseLabelSelector('a in (1,2)').requiresExactMatch('a'), undefined);
});

test('selectorFromSet() and selectorFromObject() build equivalent selectors', () => {
  assert.equal(selectorFromSet({ b: '2', a: '1' }).toString(), 'a=1,b=2');
  const s = selectorFromObject({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'x', operator: 'DoesNotExist' }] });
  assert.equal(s.toString(), 'app=web,tier in (a,b),!x');
  assert.equal(s.matches({ app: 'web', tier: 'a' }), true);
  assert.equal(selectorFromObject(undefined), LabelSelector.nothing);
  assert.equal(selectorFromObject({}).empty(), true);
  assert.throws(() => selectorFromObject({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }), { message: '"Foo" is not a valid label selector operator' });
  assert.equal(formatLabelSelectorObject({}), '<none>');
  assert.equal(formatLabelSelectorObject({ matchLabels: { app: 'web' } }), 'app=web');
});
