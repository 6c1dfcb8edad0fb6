// Tests for label selectors, ported from apimachinery labels/selector_test.go and labels_test.go,
// with error texts checked against real kubectl v1.32 (`kubectl set selector --local`).
import { describe, expect, it } from 'vitest';
import {
  SelectorParseError, convertSelectorToLabelsMap, formatLabels, labelsToString, newRequirement, parseSelector,
  parseToRequirements, requirementToString, selectorFromLabelSelector, selectorFromSet, validateLabelKey,
  validateLabelValue, validatedSelectorFromSet,
} from '../../../src/engine/api/labels';
import type { LabelSelector, Operator } from '../../../src/engine/api/labels';

const QNAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const OPS = 'in, notin, =, ==, !=, gt, lt';

describe('parseSelector round trip (TestSelectorParse, TestSetSelectorParser)', () => {
  // [input, canonical string]
  const rows: Array<[string, string]> = [
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'], ['', ''], ['x!=a,y=b', 'x!=a,y=b'], ['x=', 'x='], ['x= ', 'x='],
    ['x=,z= ', 'x=,z='], ['x= ,z= ', 'x=,z='], ['!x', '!x'], ['x>1', 'x>1'], ['x>1,z<5', 'x>1,z<5'],
    ['x=a,a=x', 'a=x,x=a'], ['a=x,x=a', 'a=x,x=a'], ['\rx', 'x'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', 'this-is-another-dns.domain.com/key-with-dash in (so,what)'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
    ['foo  in\t (abc)', 'foo in (abc)'], ['x notin\n (abc)', 'x notin (abc)'], ['x  notin\t\t\t(abc,def)', 'x notin (abc,def)'],
    ['x in (abc,def)', 'x in (abc,def)'], ['x in (abc,)', 'x in (,abc)'], ['x in ()', 'x in ()'],
    ['x notin (abc,,def),bar,z in (),w', 'bar,w,x notin (,abc,def),z in ()'], ['x,y in (a)', 'x,y in (a)'],
    ['x=a', 'x=a'], ['x<7', 'x<7'], ['x=a,y!=b,z in (h,i,j)', 'x=a,y!=b,z in (h,i,j)'], ['x notin ( )', 'x notin ()'],
    ['x notin (, a)', 'x notin (,a)'], ['a ', 'a'], ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['x in (b,a,b)', 'x in (a,b)'], ['x==a', 'x==a'], ['notin=in', 'notin=in'], ['  a  ,  b ', 'a,b'],
    ['x=a,x=b', 'x=a,x=b'], ['!x,!y', '!x,!y'], ['k8s.io/app in (web)', 'k8s.io/app in (web)'], ['x=A_b.C', 'x=A_b.C'],
    ['z,y,x', 'x,y,z'],
  ];
  it.each(rows)('%j -> %j', (input, want) => {
    const sel = parseSelector(input);
    expect(sel.toString()).toBe(want);
    expect(parseSelector(sel.toString()).toString()).toBe(want);
  });
  it('empty string selects everything', () => {
    expect(parseSelector('').empty()).toBe(true);
    expect(parseSelector('').matches({ x: 'y' })).toBe(true);
    expect(parseSelector('x').empty()).toBe(false);
  });
  it('parses values into sorted sets and keys into requirements', () => {
    expect(parseToRequirements('z in (b,a,b),x')).toEqual([
      { key: 'x', operator: 'exists', values: [] },
      { key: 'z', operator: 'in', values: ['a', 'b'] },
    ]);
    expect(parseSelector('a>1,!b,c!=d,e==f').requirements().map((r) => r.operator)).toEqual(['gt', '!', '!=', '==']);
  });
});

describe('parseSelector errors (upstream bad strings, texts from kubectl v1.32)', () => {
  const rows: Array<[string, string]> = [
    ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_RULE}`],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['Foo_/bar', `unable to parse requirement: <nil>: Invalid value: "Foo_/bar": prefix part ${SUBDOMAIN_RULE}`],
    ['x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['x=' + 'a'.repeat(71), `unable to parse requirement: values[0][x]: Invalid value: "${'a'.repeat(71)}": must be no more than 63 characters`],
    ['x,,y', "found ',', expected: identifier after ','"],
    [',x', "found ',', expected: !, identifier, or 'end of string'"],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['a (', `unable to parse requirement: found '(', expected: ${OPS}`],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['x nott in (y)', `unable to parse requirement: found 'nott', expected: ${OPS}`],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a/b/c', `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ${QNAME_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ['x notin (a,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['x!', `unable to parse requirement: found '!', expected: ${OPS}`],
    ['x!!=a', `unable to parse requirement: found '!', expected: ${OPS}`],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x=a b', "found 'b', expected: ',' or 'end of string'"],
    ['x=a,', "found '', expected: identifier after ','"],
    ['_x', `unable to parse requirement: <nil>: Invalid value: "_x": name part ${QNAME_RULE}`],
    ['x/', `unable to parse requirement: <nil>: Invalid value: "x/": name part must be non-empty; name part ${QNAME_RULE}`],
    ['/x', 'unable to parse requirement: <nil>: Invalid value: "/x": prefix part must be non-empty'],
    ['A.com/x', `unable to parse requirement: <nil>: Invalid value: "A.com/x": prefix part ${SUBDOMAIN_RULE}`],
    ['x>99999999999999999999', `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
  ];
  it.each(rows)('%j', (input, want) => {
    let err: unknown;
    try {
      parseSelector(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SelectorParseError);
    expect((err as Error).message).toBe(want);
  });
  it('a keyword alone is read as an identifier key', () => {
    expect(parseSelector('in').toString()).toBe('in');
  });
});

describe('matching (TestSelectorMatches, TestRequirementSelectorMatching)', () => {
  const rows: Array<[string, Record<string, string> | undefined, boolean]> = [
    ['', { x: 'y' }, true], ['x=y', { x: 'y' }, true], ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true], ['notin=in', { notin: 'in' }, true], ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true], ['x>1', { x: '2' }, true], ['x<1', { x: '0' }, true],
    ['x=z', {}, false], ['x=y', { x: 'z' }, false], ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false], ['x', { y: 'z' }, false], ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false], ['x<1', { x: '2' }, false],
    ['foo=bar', { foo: 'bar', baz: 'blah' }, true], ['baz=blah', { foo: 'bar', baz: 'blah' }, true],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }, true], ['foo=blah', { foo: 'bar', baz: 'blah' }, false],
    ['baz=bar', { foo: 'bar', baz: 'blah' }, false], ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    ['x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true], ['x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
    ['x notin (),y', { y: '' }, true], ['!x,y', { y: '' }, true], ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false], ['x in ()', { x: '' }, true], ['z>1', { z: '2' }, true], ['z>1', { z: 'v2' }, false],
    ['x!=a', undefined, true], ['x notin (a)', {}, true], ['x', undefined, false], ['!x', undefined, true],
    ['x>5', { x: '10' }, true], ['x<10', { x: '9' }, true], ['x>1', { x: '-3' }, false], ['x<1', { x: '-3' }, true],
    ['x>1', { x: '+3' }, true], ['x>1', {}, false], ['x=', { x: '' }, true], ['x=', {}, false],
  ];
  it.each(rows)('%j on %j = %s', (sel, labels, want) => expect(parseSelector(sel).matches(labels)).toBe(want));
  it('does not see inherited properties as labels', () => {
    expect(parseSelector('constructor').matches({})).toBe(false);
    expect(parseSelector('toString=x').matches({})).toBe(false);
    expect(parseSelector('!constructor').matches({})).toBe(true);
  });
  it('signed label values are not valid in Gt/Lt', () => {
    expect(() => parseSelector('x>-5')).toThrow('unable to parse requirement: values[0][x]: Invalid value: "-5": a valid label');
  });
});

describe('requirements', () => {
  const toStr: Array<[string, Operator, string[], string]> = [
    ['x', 'in', ['abc', 'def'], 'x in (abc,def)'], ['y', 'notin', ['jkl'], 'y notin (jkl)'], ['z', 'exists', [], 'z'],
    ['z', '!', [], '!z'], ['y', '!=', ['jkl'], 'y!=jkl'], ['z', 'notin', [''], 'z notin ()'], ['x', '=', ['abc'], 'x=abc'],
    ['y', '==', ['jkl'], 'y==jkl'], ['x', 'gt', ['2'], 'x>2'], ['y', 'lt', ['8'], 'y<8'], ['x', 'in', ['b', 'a'], 'x in (a,b)'],
    ['environment', 'notin', ['dev'], 'environment notin (dev)'],
  ];
  it.each(toStr)('%s %s %j -> %s', (k, op, vs, want) => expect(requirementToString(newRequirement(k, op, vs))).toBe(want));

  const bad: Array<[string, Operator, string[], string]> = [
    ['x1', 'in', [], `values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`],
    ['x2', 'notin', [], `values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`],
    ['x5', '=', ['bar', 'foo'], `values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value`],
    ['x8', 'exists', ['foo'], `values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist`],
    ['x13', 'gt', [], `values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required`],
    ['x14', 'gt', ['bar'], `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x15', 'lt', ['bar'], `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['a'.repeat(254), 'exists', [], `key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters; name part ${QNAME_RULE}`.replace(`; name part ${QNAME_RULE}`, '')],
    ['x16', '=', ['a'.repeat(254)], `values[0][x16]: Invalid value: "${'a'.repeat(254)}": must be no more than 63 characters`],
    ['x17', '=', ['a b'], `values[0][x17]: Invalid value: "a b": ${VALUE_RULE}`],
    ['x18', 'unsupportedOp' as Operator, [], 'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"'],
    ['Bad/', 'in', [], `[key: Invalid value: "Bad/": prefix part ${SUBDOMAIN_RULE}; name part must be non-empty; name part ${QNAME_RULE}, values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty]`],
  ];
  it.each(bad)('newRequirement(%s, %s, %j) fails', (k, op, vs, want) => {
    expect(() => newRequirement(k, op, vs)).toThrow(SelectorParseError);
    expect(() => newRequirement(k, op, vs)).toThrow(want);
  });

  const exact: Array<[string, string, string | undefined]> = [
    ['key in (value)', 'key', 'value'], ['key in (value,value2)', 'key', undefined],
    ['key in (value,value1),key2 in (value2)', 'key2', 'value2'], ['key=value', 'key', 'value'],
    ['key==value', 'key', 'value'], ['key!=value', 'key', undefined], ['key in (value),key2 in (value2)', 'key', 'value'],
    ['other=x', 'key', undefined],
  ];
  it.each(exact)('requiresExactMatch(%j, %s) = %s', (sel, key, want) => expect(parseSelector(sel).requiresExactMatch(key)).toBe(want));
});

describe('selectorFromLabelSelector (metav1.LabelSelectorAsSelector)', () => {
  const rows: Array<[LabelSelector | null | undefined, string, Record<string, string>, boolean]> = [
    [{ matchLabels: { foo: 'bar' } }, 'foo=bar', { foo: 'bar' }, true],
    [{ matchLabels: { app: 'web', tier: 'fe' } }, 'app=web,tier=fe', { app: 'web' }, false],
    [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['baz', 'bar'] }] }, 'foo in (bar,baz)', { foo: 'baz' }, true],
    [{ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] }, 'foo notin (bar)', {}, true],
    [{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }, 'foo', { foo: '' }, true],
    [{ matchExpressions: [{ key: 'foo', operator: 'DoesNotExist' }] }, '!foo', { foo: '' }, false],
    [
      { matchLabels: { foo: 'bar' }, matchExpressions: [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }] },
      'baz in (norf,qux),foo=bar', { foo: 'bar', baz: 'qux' }, true,
    ],
    [{}, '', { any: 'thing' }, true],
    [{ matchLabels: {}, matchExpressions: [] }, '', {}, true],
    [null, '', { any: 'thing' }, false],
    [undefined, '', {}, false],
  ];
  it.each(rows)('%j', (ls, str, labels, match) => {
    const sel = selectorFromLabelSelector(ls);
    expect(sel.toString()).toBe(str);
    expect(sel.matches(labels)).toBe(match);
  });
  it('nil is nothing, empty is everything', () => {
    expect(selectorFromLabelSelector(null).empty()).toBe(false);
    expect(selectorFromLabelSelector({}).empty()).toBe(true);
  });
  const bad: Array<[LabelSelector, string]> = [
    [{ matchExpressions: [{ key: 'foo', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'foo', operator: 'constructor' }] }, '"constructor" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [] }] }, `values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`],
    [{ matchLabels: { foo: 'a b' } }, `values[0][foo]: Invalid value: "a b": ${VALUE_RULE}`],
    [{ matchExpressions: [{ key: 'foo', operator: 'Exists', values: ['x'] }] }, `values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist`],
  ];
  it.each(bad)('rejects %j', (ls, want) => expect(() => selectorFromLabelSelector(ls)).toThrow(want));
});

describe('sets and formatting', () => {
  const fmt: Array<[Record<string, string> | undefined, string, string]> = [
    [{}, '', '<none>'], [undefined, '', '<none>'], [{ app: 'foo' }, 'app=foo', 'app=foo'],
    [{ app: 'foo', a: 'b' }, 'a=b,app=foo', 'a=b,app=foo'], [{ x: 'y', z: '' }, 'x=y,z=', 'x=y,z='],
    // Set.String sorts the `k=v` strings, so '-' (0x2d) sorts before '='
    [{ a: '1', 'a-b': '2' }, 'a-b=2,a=1', 'a-b=2,a=1'],
    [{ 'pod-template-hash': '5d', app: 'web' }, 'app=web,pod-template-hash=5d', 'app=web,pod-template-hash=5d'],
  ];
  it.each(fmt)('%j', (m, str, formatted) => {
    expect(labelsToString(m)).toBe(str);
    expect(formatLabels(m)).toBe(formatted);
  });
  it('selectorFromSet matches exactly the set', () => {
    const s = selectorFromSet({ foo: 'bar', baz: 'blah' });
    expect(s.toString()).toBe('baz=blah,foo=bar');
    expect(s.matches({ foo: 'bar', baz: 'blah', extra: 'x' })).toBe(true);
    expect(s.matches({ foo: 'bar' })).toBe(false);
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(selectorFromSet(undefined).matches({})).toBe(true);
  });
  it('validatedSelectorFromSet validates values', () => {
    const v = 'axahm2EJ8Phiephe2eixohbee9eGeiyees1thuozi1xoh0GiuH3diewi8iem7Nui';
    expect(() => validatedSelectorFromSet({ Key: v })).toThrow(`values[0][Key]: Invalid value: "${v}": must be no more than 63 characters`);
    expect(validatedSelectorFromSet({ key: 'val' }).toString()).toBe('key=val');
  });
  const conv: Array<[string, Record<string, string> | string]> = [
    ['', {}], ['a=b', { a: 'b' }], [' a = b ,c=d', { a: 'b', c: 'd' }], ['a', 'invalid selector: [a]'],
    ['a=b=c', 'invalid selector: [a b c]'], ['a_=b', `<nil>: Invalid value: "a_": name part ${QNAME_RULE}`],
    ['a=b c', `[a]: Invalid value: "b c": ${VALUE_RULE}`],
  ];
  it.each(conv)('convertSelectorToLabelsMap(%j)', (input, want) => {
    if (typeof want === 'string') expect(() => convertSelectorToLabelsMap(input)).toThrow(want);
    else expect(convertSelectorToLabelsMap(input)).toEqual(want);
  });
});

describe('label key and value validation', () => {
  const keys: Array<[string, string[]]> = [
    ['app', []], ['example.com/app', []], ['a.b-c_d', []], ['A', []], ['1', []], ['kubernetes.io/metadata.name', []],
    ['', ['name part must be non-empty', `name part ${QNAME_RULE}`]],
    ['-a', [`name part ${QNAME_RULE}`]],
    ['a'.repeat(64), ['name part must be no more than 63 characters']],
    ['a'.repeat(254) + '/b', ['prefix part must be no more than 253 characters']],
    ['Example.com/a', [`prefix part ${SUBDOMAIN_RULE}`]],
  ];
  it.each(keys)('validateLabelKey(%j)', (k, want) => expect(validateLabelKey(k)).toEqual(want));
  const values: Array<[string, string[]]> = [
    ['', []], ['MyValue', []], ['my_value', []], ['12345', []], ['a.b', []],
    ['-a', [VALUE_RULE]], ['a b', [VALUE_RULE]], ['a'.repeat(64), ['must be no more than 63 characters']],
    ['é', [VALUE_RULE]],
  ];
  it.each(values)('validateLabelValue(%j)', (v, want) => expect(validateLabelValue(v)).toEqual(want));
});
