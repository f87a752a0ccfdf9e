import { test } from 'node:test';
import { expectCel } from './testing/cel-eval.js';

// The examples are those of apiserver's library/format.go and the cel-go optional library.

test('format.<name>().validate() returns optional.none() for valid strings', () => {
  expectCel([
    ["format.dns1123Label().validate('my-label-name').hasValue()", false],
    ["format.dns1123Subdomain().validate('apiextensions.k8s.io').hasValue()", false],
    ["format.dns1035Label().validate('my-label-name').hasValue()", false],
    ["format.qualifiedName().validate('apiextensions.k8s.io/v1beta1').hasValue()", false],
    ["format.dns1123LabelPrefix().validate('my-label-prefix-').hasValue()", false],
    ["format.dns1123SubdomainPrefix().validate('mysubdomain.prefix.-').hasValue()", false],
    ["format.dns1035LabelPrefix().validate('my-label-prefix-').hasValue()", false],
    ["format.labelValue().validate('my_value.1').hasValue()", false],
    ["format.uri().validate('http://example.com').hasValue()", false],
    ["format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()", false],
    ["format.byte().validate('aGVsbG8=').hasValue()", false],
    ["format.date().validate('2021-01-01').hasValue()", false],
    ["format.datetime().validate('2021-01-01T00:00:00Z').hasValue()", false],
  ]);
});

test('format.<name>().validate() lists Kubernetes\'s error strings for invalid ones', () => {
  expectCel([
    ["format.dns1123Label().validate('My_Label').value()[0].startsWith('a lowercase RFC 1123 label must consist of')", true],
    ["format.dns1123Label().validate('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa').value() == ['must be no more than 63 characters']", true],
    ["format.dns1123Subdomain().validate('-bad-').value().size()", 1n],
    ["format.dns1035Label().validate('1abc').value()[0].startsWith('a DNS-1035 label must consist of')", true],
    ["format.qualifiedName().validate('a/b/c').value()[0].contains('a qualified name must consist of')", true],
    ["format.labelValue().validate('a b').hasValue()", true],
    ["format.uri().validate('example.com').value() == ['parse \"example.com\": invalid URI for request']", true],
    ["format.uuid().validate('123').value() == ['does not match the UUID format']", true],
    ["format.byte().validate('%%%').value() == ['invalid base64']", true],
    ["format.date().validate('2021-13-45').value() == ['invalid date']", true],
    ["format.datetime().validate('yesterday').value() == ['invalid datetime']", true],
  ]);
});

test('format.named() returns an optional format, none for unknown names', () => {
  expectCel([
    ["format.named('dns1123Label').hasValue()", true],
    ["format.named('nope').hasValue()", false],
    ["format.named('toString').hasValue()", false],
    ["format.named('labelValue').value().validate('a b').hasValue()", true],
    ["format.named('uuid').value().validate('123e4567-e89b-12d3-a456-426614174000').orValue(['x']) == ['x']", true],
    ["format.named('nope').value()", /^optional\.none\(\) dereference$/],
  ]);
});

test('optional.of(), none(), ofNonZeroValue(), hasValue(), value(), orValue() and or() behave as in cel-go', () => {
  expectCel([
    ["optional.of(1).hasValue()", true], ["optional.none().hasValue()", false], ["optional.of(1).value()", 1n],
    ["optional.of(1).orValue(2)", 1n], ["optional.none().orValue(2)", 2n], ["optional.none().value()", /optional\.none\(\) dereference/],
    ["optional.ofNonZeroValue('').hasValue()", false], ["optional.ofNonZeroValue(0).hasValue()", false],
    ["optional.ofNonZeroValue([]).hasValue()", false], ["optional.ofNonZeroValue('a').value()", 'a'],
    ["optional.none().or(optional.of(3)).value()", 3n], ["optional.of(1).or(optional.of(3)).value()", 1n],
    ["optional.of(1) == optional.of(1)", true], ["optional.of(1) == optional.of(2)", false], ["optional.none() == optional.none()", true],
    ["optional.of([1, {'a': 'b'}]) == optional.of([1, {'a': 'b'}])", true],
  ]);
});

test('url().getQuery() maps each key to all its decoded values', () => {
  expectCel([
    ["url('https://example.com/path?query=val&query=val2').getQuery() == {'query': ['val', 'val2']}", true],
    ["url('https://example.com/?a=x+y&b=%2F&c').getQuery() == {'a': ['x y'], 'b': ['/'], 'c': ['']}", true],
    ["url('/path').getQuery().size()", 0n],
  ]);
});
