// Execution tables ported (as facts) from client-go util/jsonpath/jsonpath_test.go. Upstream
// decodes its JSON inputs with json.Unmarshal into interface{}, so every number is a float64:
// those rows run with numberMode 'typed'. Struct inputs became JSON maps, whose keys Go prints
// sorted (a struct prints in field order instead); those expectations are adapted.
import { describe, expect, it } from 'vitest';
import type { NumberMode } from '../../../src/kubectl/jsonpath/index';
import { parseJsonPath, relaxedJsonPath, JsonPathError } from '../../../src/kubectl/jsonpath/index';

interface Row {
  name: string;
  template: string;
  input: unknown;
  want: string;
  /** Upstream's allowMissingKeys for the row (the library default is false). */
  allowMissingKeys?: boolean;
  mode?: NumberMode;
}

function exec(r: Row): string {
  return parseJsonPath(r.template).execute(r.input, {
    allowMissingKeys: r.allowMissingKeys ?? false,
    numberMode: r.mode ?? 'typed',
  });
}

const TYPES = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
};

const STORE = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [
    { Color: 'red', Price: 19.95, IsNew: true },
    { Color: 'green', Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};

const POINTS = [
  { id: 'i1', x: 4, y: -5 },
  { id: 'i2', x: -2, y: -5, z: 1 },
  { id: 'i3', x: 8, y: 3 },
  { id: 'i4', x: -6, y: -1 },
  { id: 'i5', x: 0, y: 2, z: 1 },
  { id: 'i6', x: 1, y: 4 },
  { id: 'i7', x: null, y: 4 },
];

const NODES = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

const another = [{ name: 'value1' }, { name: 'value2' }];
const PODS = {
  items: [
    { metadata: { name: 'pod1' }, spec: { containers: [{ name: 'foo', another }, { name: 'bar', another }] } },
    { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another }] } },
  ],
};

const ANNOTATED = {
  kind: 'List',
  items: [
    { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
    { kind: 'Pod', metadata: { name: 'pod2' } },
    { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
    { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
  ],
};

const FAKE = {
  apiVersion: 'v1',
  kind: 'Pod',
  spec: { containers: [0, 1, 2, 3].map((i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) },
};

const RUNNING = {
  kind: 'List',
  items: [
    { kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } },
    { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } },
    { kind: 'Pod', metadata: { name: 'pod3' }, status: { phase: 'Running' } },
    { resourceVersion: '' },
  ],
};

const OK_ROWS: Row[] = [
  // TestTypesInput
  { name: 'boolSlice', template: '{ .bools }', input: TYPES, want: '[true,false,true,false]' },
  { name: 'boolSliceIndex', template: '{ .bools[0] }', input: TYPES, want: 'true' },
  { name: 'boolSliceIndex -1', template: '{ .bools[-1] }', input: TYPES, want: 'false' },
  { name: 'boolSubSlice', template: '{ .bools[0:2] }', input: TYPES, want: 'true false' },
  { name: 'boolSubSliceFirst2', template: '{ .bools[:2] }', input: TYPES, want: 'true false' },
  { name: 'boolSubSliceStep2', template: '{ .bools[:4:2] }', input: TYPES, want: 'true true' },
  { name: 'integerSlice', template: '{ .integers }', input: TYPES, want: '[1,2,3,4]' },
  { name: 'integerSliceIndex', template: '{ .integers[0] }', input: TYPES, want: '1' },
  { name: 'integerSliceIndexReverse', template: '{ .integers[-2] }', input: TYPES, want: '3' },
  { name: 'integerSubSliceFirst2', template: '{ .integers[0:2] }', input: TYPES, want: '1 2' },
  { name: 'integerSubSliceStep2', template: '{ .integers[:4:2] }', input: TYPES, want: '1 3' },
  { name: 'floatSlice', template: '{ .floats }', input: TYPES, want: '[1,2.2,3.3,4]' },
  { name: 'floatSliceIndex', template: '{ .floats[0] }', input: TYPES, want: '1' },
  { name: 'floatSliceIndexReverse', template: '{ .floats[-2] }', input: TYPES, want: '3.3' },
  { name: 'floatSubSliceStep2', template: '{ .floats[:4:2] }', input: TYPES, want: '1 3.3' },
  { name: 'stringSlice', template: '{ .strings }', input: TYPES, want: '["one","two","three","four"]' },
  { name: 'stringSliceIndexReverse', template: '{ .strings[-2] }', input: TYPES, want: 'three' },
  { name: 'stringSubSliceStep2', template: '{ .strings[:4:2] }', input: TYPES, want: 'one three' },
  { name: 'interfaceSlice', template: '{ .interfaces }', input: TYPES, want: '[true,"one",1,1.1]' },
  { name: 'interfaceSubSliceFirst2', template: '{ .interfaces[0:2] }', input: TYPES, want: 'true one' },
  { name: 'interfaceSubSliceStep2', template: '{ .interfaces[:4:2] }', input: TYPES, want: 'true 1' },
  {
    name: 'mapSlice',
    template: '{ .maps }',
    input: TYPES,
    want: '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]',
  },
  { name: 'mapSliceIndexReverse', template: '{ .maps[-2] }', input: TYPES, want: '{"name":"three","value":3.03}' },
  { name: 'mapSubSliceStepOdd', template: '{ .maps[::2] }', input: TYPES, want: '{"name":"one","value":1} {"name":"three","value":3.03}' },
  { name: 'mapSubSliceStepEven', template: '{ .maps[1::2] }', input: TYPES, want: '{"name":"two","value":2.02} {"name":"four","value":4.04}' },
  // TestStructInput
  { name: 'plain', template: 'hello jsonpath', input: null, want: 'hello jsonpath' },
  { name: 'recursive', template: '{..}', input: [1, 2, 3], want: '[1,2,3]' },
  // Upstream's input is a Go []int: int kind like our int64, so it compares with the literal 5.
  { name: 'filter', template: '{[?(@<5)]}', input: [2, 6, 3, 7], want: '2 3', mode: 'unstructured' },
  { name: 'quote', template: '{"{"}', input: null, want: '{' },
  { name: 'union', template: '{[1,3,4]}', input: [0, 1, 2, 3, 4], want: '1 3 4' },
  { name: 'array', template: '{[0:2]}', input: ['Monday', 'Tudesday'], want: 'Monday Tudesday' },
  { name: 'variable', template: 'hello {.Name}', input: STORE, want: 'hello jsonpath' },
  { name: 'dict/', template: '{$.Labels.web/html}', input: STORE, want: '15' },
  { name: 'dict/ employees', template: '{$.Employees.jason}', input: STORE, want: 'manager' },
  { name: 'dict-', template: '{.Labels.k8s-app}', input: STORE, want: '20' },
  { name: 'nest', template: '{.Bicycle[*].Color}', input: STORE, want: 'red green' },
  { name: 'allarray', template: '{.Book[*].Author}', input: STORE, want: 'Nigel Rees Evelyn Waugh Herman Melville' },
  // Map values come in key order (Color, IsNew, Price); a struct would give field order.
  { name: 'allfields', template: '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', input: STORE, want: '{red true 19.95} {green false 20.01} ' },
  { name: 'recurfields', template: '{..Price}', input: STORE, want: '19.95 20.01 8.95 12.99 8.99' },
  { name: 'recurdotfields', template: '{...Price}', input: STORE, want: '19.95 20.01 8.95 12.99 8.99' },
  { name: 'allstructsSlice', template: '{.Bicycle}', input: STORE, want: '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]' },
  { name: 'lastarray', template: '{.Book[-1:]}', input: STORE, want: '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}' },
  { name: 'recurarray', template: '{..Book[2]}', input: STORE, want: '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}' },
  { name: 'bool', template: '{.Bicycle[?(@.IsNew==true)]}', input: STORE, want: '{"Color":"red","IsNew":true,"Price":19.95}' },
  { name: 'nonexistent field', template: '{.hello}', input: STORE, want: '', allowMissingKeys: true },
  { name: 'nonexistent field 2', template: 'before-{.hello}after', input: STORE, want: 'before-after', allowMissingKeys: true },
  // TestJSONInput
  { name: 'exists filter', template: '{[?(@.z)].id}', input: POINTS, want: 'i2 i5' },
  { name: 'bracket key', template: "{[0]['id']}", input: POINTS, want: 'i1' },
  { name: 'nil value', template: "{[-1]['x']}", input: POINTS, want: 'null' },
  // TestKubernetes
  { name: 'range item', template: '{range .items[*]}{.metadata.name}, {end}{.kind}', input: NODES, want: '127.0.0.1, 127.0.0.2, List' },
  { name: 'range item with quote', template: '{range .items[*]}{.metadata.name}{"\\t"}{end}', input: NODES, want: '127.0.0.1\t127.0.0.2\t' },
  { name: 'range addresses', template: '{.items[*].status.addresses[*].address}', input: NODES, want: '127.0.0.1 127.0.0.2 127.0.0.3' },
  { name: 'double range', template: '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', input: NODES, want: '127.0.0.1, 127.0.0.2, 127.0.0.3, ' },
  { name: 'item name', template: '{.items[*].metadata.name}', input: NODES, want: '127.0.0.1 127.0.0.2' },
  { name: 'union nodes capacity', template: "{.items[*]['metadata.name', 'status.capacity']}", input: NODES, want: '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}' },
  { name: 'range nodes capacity', template: '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', input: NODES, want: '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ' },
  { name: 'user password', template: '{.users[?(@.name=="e2e")].user.password}', input: NODES, want: 'secret' },
  { name: 'hostname', template: '{.items[0].metadata.labels.kubernetes\\.io/hostname}', input: NODES, want: '127.0.0.1' },
  { name: 'hostname filter', template: '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', input: NODES, want: 'None' },
  { name: 'bool item', template: '{.items[?(@..ready==true)].metadata.name}', input: NODES, want: '127.0.0.1' },
  { name: 'recursive name (sorted map order)', template: '{..name}', input: NODES, want: '127.0.0.1 127.0.0.2 myself e2e' },
  // TestEmptyRange
  { name: 'empty range', template: '{range .items[*]}{.metadata.name}{end}', input: { items: [] }, want: '', allowMissingKeys: true },
  {
    name: 'empty nested range',
    template: '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
    input: { items: [] },
    want: '',
    allowMissingKeys: true,
  },
  // TestNestedRanges
  {
    name: 'nested range with a trailing newline',
    template: '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
    input: PODS,
    want: 'pod1:foo,bar,+pod2:baz,+',
  },
  {
    name: 'three nested ranges',
    template:
      '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}' +
      '{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
    input: PODS,
    want: 'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#',
  },
  {
    name: 'two nested ranges at the same level',
    template:
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}' +
      '{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
    input: PODS,
    want: 'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
  },
  // TestFilterPartialMatchesSometimesMissingAnnotations
  {
    name: 'filter tolerating missing annotations',
    template: '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}',
    input: ANNOTATED,
    want: 'pod1 pod4',
    allowMissingKeys: true,
  },
  // TestNegativeIndex
  { name: 'containers[0]', template: '{.spec.containers[0].name}', input: FAKE, want: 'fake0' },
  { name: 'containers[0:0]', template: '{.spec.containers[0:0].name}', input: FAKE, want: '' },
  { name: 'containers[0:-1]', template: '{.spec.containers[0:-1].name}', input: FAKE, want: 'fake0 fake1 fake2' },
  { name: 'containers[-1]', template: '{.spec.containers[-1].name}', input: FAKE, want: 'fake3' },
  { name: 'containers[-1:]', template: '{.spec.containers[-1:].name}', input: FAKE, want: 'fake3' },
  { name: 'containers[-2]', template: '{.spec.containers[-2].name}', input: FAKE, want: 'fake2' },
  { name: 'containers[-2:]', template: '{.spec.containers[-2:].name}', input: FAKE, want: 'fake2 fake3' },
  { name: 'containers[-3]', template: '{.spec.containers[-3].name}', input: FAKE, want: 'fake1' },
  { name: 'containers[-4]', template: '{.spec.containers[-4].name}', input: FAKE, want: 'fake0' },
  { name: 'containers[-4:]', template: '{.spec.containers[-4:].name}', input: FAKE, want: 'fake0 fake1 fake2 fake3' },
  { name: 'containers[5:5]', template: '{.spec.containers[5:5].name}', input: FAKE, want: '' },
  { name: 'containers[-5:-5]', template: '{.spec.containers[-5:-5].name}', input: FAKE, want: '' },
  // TestRunningPodsJSONPathOutput
  {
    name: 'range over a filter skipping an item without status',
    template: '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}',
    input: RUNNING,
    want: 'pod1 is Running\npod2 is Running\npod3 is Running\n',
    allowMissingKeys: true,
  },
  // Number kinds: objects from the server keep whole numbers as int64.
  { name: 'int64 compares with an int literal', template: '{[?(@.n==80)].n}', input: [{ n: 80 }, { n: 81 }], want: '80', mode: 'unstructured' },
  { name: 'large int64 prints plainly', template: '{.n}', input: { n: 1000000 }, want: '1000000', mode: 'unstructured' },
  { name: 'large float64 prints in exponent form', template: '{.n}', input: { n: 1000000 }, want: '1e+06' },
  { name: 'small float64', template: '{.n}', input: { n: 0.00001 }, want: '1e-05' },
  { name: 'wildcard over a string yields its bytes', template: '{.s.*}', input: { s: 'hé' }, want: '104 195 169' },
];

describe('JsonPath.execute (client-go jsonpath_test.go)', () => {
  it.each(OK_ROWS)('$name', (r) => {
    expect(exec(r)).toBe(r.want);
  });
});

const FAIL_ROWS: Row[] = [
  { name: 'superrecurfields', template: '{............................................................Price}', input: STORE, want: '' },
  { name: 'invalid identifier', template: '{hello}', input: STORE, want: 'unrecognized identifier hello' },
  { name: 'nonexistent field', template: '{.hello}', input: STORE, want: 'hello is not found' },
  { name: 'invalid array', template: '{.Labels[0]}', input: STORE, want: 'map[string]interface {} is not array or slice' },
  { name: 'invalid filter operator', template: '{.Book[?(@.Price<>10)]}', input: STORE, want: 'unrecognized filter operator <>' },
  { name: 'redundant end', template: '{range .Labels.*}{@}{end}{end}', input: STORE, want: 'not in range, nothing to end' },
  { name: 'missing annotations without allowMissingKeys', template: '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', input: ANNOTATED, want: 'annotations is not found' },
  { name: 'containers[-1:0]', template: '{.spec.containers[-1:0].name}', input: FAKE, want: 'starting index 3 is greater than ending index 0' },
  { name: 'containers[-5]', template: '{.spec.containers[-5].name}', input: FAKE, want: 'array index out of bounds: index -1, length 4' },
  { name: 'containers[3:1]', template: '{.spec.containers[3:1].name}', input: FAKE, want: 'starting index 3 is greater than ending index 1' },
  { name: 'containers[-1:-2]', template: '{.spec.containers[-1:-2].name}', input: FAKE, want: 'starting index 3 is greater than ending index 2' },
  { name: 'float against int literal', template: '{.Book[?(@.Price<10)].Title}', input: STORE, want: 'incompatible types for comparison' },
  { name: 'booleans cannot be ordered', template: '{.Bicycle[?(@.IsNew<true)]}', input: STORE, want: 'invalid type for comparison' },
  { name: 'maps cannot be compared', template: '{.items[?(@.metadata=="x")]}', input: NODES, want: 'invalid type for comparison' },
  { name: 'several values in one comparison', template: '{.items[?(@.status.addresses[*].address=="x")]}', input: NODES, want: 'can only compare one element at a time' },
  { name: 'filter on a map', template: '{.Labels[?(@.x)]}', input: STORE, want: 'map[engieer:10 k8s-app:20 web/html:15] is not array or slice and cannot be filtered' },
];

describe('JsonPath.execute errors', () => {
  it.each(FAIL_ROWS)('$name', (r) => {
    let err: unknown;
    try {
      parseJsonPath(r.template).execute(r.input, { allowMissingKeys: false, numberMode: 'typed' });
    } catch (e) {
      err = e;
    }
    if (r.want === '') {
      // Upstream only says this one fails; our parser rejects it.
      expect(err).toBeInstanceOf(JsonPathError);
      return;
    }
    expect(err).toBeInstanceOf(JsonPathError);
    expect((err as JsonPathError).phase).toBe('execute');
    expect((err as Error).message).toBe(r.want);
  });
});

describe('executeAsJson', () => {
  it('prints each action as an indented JSON array', () => {
    const out = parseJsonPath('{.items[*].metadata.name}{"\\n"}').executeAsJson(NODES, { numberMode: 'typed' });
    expect(out).toBe('[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n[\n    "\\n"\n]\n');
  });
  it('prints nested maps with sorted keys', () => {
    const out = parseJsonPath('{.users[1]}').executeAsJson(NODES);
    expect(out).toBe('[\n    {\n        "name": "e2e",\n        "user": {\n            "password": "secret",\n            "username": "admin"\n        }\n    }\n]\n');
  });
});

describe('relaxedJsonPath (kubectl customcolumn_test.go)', () => {
  const rows = [
    { input: '', want: '' },
    { input: 'metadata.name', want: '{.metadata.name}' },
    { input: '.metadata.name', want: '{.metadata.name}' },
    { input: '{metadata.name}', want: '{.metadata.name}' },
    { input: '{.metadata.name}', want: '{.metadata.name}' },
    { input: '{.spec.containers[*].image}', want: '{.spec.containers[*].image}' },
    { input: 'spec.containers[0].ports', want: '{.spec.containers[0].ports}' },
  ];
  it.each(rows)('$input', ({ input, want }) => {
    expect(relaxedJsonPath(input)).toBe(want);
  });
  it.each(['{.metadata.name', '{{.metadata.name}}', '.metadata.name}', '{.a}{.b}'])('rejects %s', (input) => {
    expect(() => relaxedJsonPath(input)).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});
