// Tests for field selectors, ported from apimachinery fields/selector_test.go, plus the
// per-kind selectable fields and field-label errors of the v1.32 apiserver.
import { describe, expect, it } from 'vitest';
import {
  FieldSelectorError, convertFieldLabel, escapeFieldValue, everythingFields, fieldSelectorFromSet, fieldsForObject,
  parseFieldSelector, unescapeFieldValue, validateFieldSelector,
} from '../../../src/engine/api/fields';

describe('parseFieldSelector', () => {
  const good: Array<[string, string]> = [
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'], ['', ''], ['x!=a,y=b', 'x!=a,y=b'], ['x=a||y\\=b', 'x=a||y\\=b'],
    ['x=a\\=\\=b', 'x=a\\=\\=b'], ['x=a,a=x', 'a=x,x=a'], ['a=x,x=a', 'a=x,x=a'], ['b==v', 'b=v'],
    ['a=a,', 'a=a'], [',a=a', 'a=a'], // terms are sorted as strings: '2' sorts before '='
    ['k=\\,,k2=v2', 'k2=v2,k=\\,'], ['k=\\\\,k2=v2', 'k2=v2,k=\\\\'],
    ['함=수,목=록', '목=록,함=수'], ['status.phase=Running', 'status.phase=Running'], ['spec.nodeName=', 'spec.nodeName='],
  ];
  it.each(good)('%j -> %j', (input, want) => expect(parseFieldSelector(input).toString()).toBe(want));

  const bad: Array<[string, string]> = [
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61'],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'"],
    ['x in (a)', "invalid selector: 'x in (a)'; can't understand 'x in (a)'"],
    // the sorted terms are 'b', 'c)', 'x in (a': the first one fails
    ['x in (a,b,c)', "invalid selector: 'x in (a,b,c)'; can't understand 'b'"],
    ['x', "invalid selector: 'x'; can't understand 'x'"],
    ['k=\\', 'invalid field selector: invalid escape sequence: \\'],
    ['k=\\a\\b\\', 'invalid field selector: invalid escape sequence: \\a'],
  ];
  it.each(bad)('%j fails', (input, want) => {
    expect(() => parseFieldSelector(input)).toThrow(FieldSelectorError);
    expect(() => parseFieldSelector(input)).toThrow(want);
  });

  it('keeps the operator of each term', () => {
    expect(parseFieldSelector('c!=value,a=value,b==value').requirements()).toEqual([
      { field: 'a', operator: '=', value: 'value' },
      { field: 'b', operator: '=', value: 'value' },
      { field: 'c', operator: '!=', value: 'value' },
    ]);
  });
});

describe('escaping (TestEscapeValue)', () => {
  const rows: Array<[string, string]> = [['', ''], ['a', 'a'], ['=', '\\='], [',', '\\,'], ['\\', '\\\\'], ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\']];
  it.each(rows)('%j <-> %j', (raw, escaped) => {
    expect(escapeFieldValue(raw)).toBe(escaped);
    expect(unescapeFieldValue(escaped)).toBe(raw);
  });
  it.each(['\\', '\\\\\\', '\\a'])('rejects %j', (v) => expect(() => unescapeFieldValue(v)).toThrow('invalid escape sequence'));
});

describe('matching (TestSelectorMatches)', () => {
  const set = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };
  const rows: Array<[string, Record<string, string>, boolean]> = [
    ['', { x: 'y' }, true], ['x=y', { x: 'y' }, true], ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true], ['notin=in', { notin: 'in' }, true], ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false], ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar', set, true], ['baz=blah', set, true], ['foo=bar,baz=blah', set, true],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', set, true], ['foo=blah', set, false], ['baz=bar', set, false],
    ['foo=bar,foobar=bar,baz=blah', set, false],
    // a missing field reads as ""
    ['x=', {}, true], ['x!=', {}, false], ['x!=a', {}, true], ['constructor=', {}, true],
  ];
  it.each(rows)('%j on %j = %s', (sel, fields, want) => expect(parseFieldSelector(sel).matches(fields)).toBe(want));

  it('sets and everything', () => {
    const labelset = { foo: 'bar', baz: 'blah' };
    expect(fieldSelectorFromSet({}).matches(labelset)).toBe(true);
    expect(fieldSelectorFromSet({ foo: 'bar', baz: 'blah' }).matches(labelset)).toBe(true);
    expect(fieldSelectorFromSet({ foo: '=blah' }).matches(labelset)).toBe(false);
    expect(fieldSelectorFromSet({}).empty()).toBe(true);
    expect(everythingFields().empty()).toBe(true);
    expect(everythingFields().matches({ x: 'y' })).toBe(true);
    expect(fieldSelectorFromSet({ b: '1', a: 'x,y' }).toString()).toBe('a=x\\,y,b=1');
  });

  const exact: Array<[string, string, string | undefined]> = [
    ['', 'test', undefined], ['a=b', 'test', undefined], ['test=b', 'test', 'b'], ['test=', 'test', ''],
    ['test!=b', 'test', undefined], ['a=,test=b', 'test', 'b'],
  ];
  it.each(exact)('requiresExactMatch(%j, %s) = %j', (sel, f, want) => expect(parseFieldSelector(sel).requiresExactMatch(f)).toBe(want));
});

describe('transform (TestTransform)', () => {
  const rows: Array<[string, (f: string, v: string) => [string, string], string, boolean]> = [
    ['', (f, v) => [f, v], '', true],
    ['a=b,c=d', (f, v) => [f, v], 'a=b,c=d', false],
    ['a=b,c=d', (f, v) => (f === 'a' ? ['e', 'f'] : [f, v]), 'e=f,c=d', false],
    ['a=b', () => ['', ''], '', true],
    ['a=b,c=d,e=f', (f, v) => (f === 'c' ? ['', ''] : [f, v]), 'a=b,e=f', false],
  ];
  it.each(rows)('%j', (sel, fn, want, empty) => {
    const out = parseFieldSelector(sel).transform(fn);
    expect(out.toString()).toBe(want);
    expect(out.empty()).toBe(empty);
  });
});

describe('selectable fields per kind', () => {
  it('pods', () => {
    const pod = {
      kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' },
      spec: { nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default' },
      status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }], nominatedNodeName: '' },
    };
    expect(fieldsForObject('Pod', pod)).toEqual({
      'metadata.name': 'web-1', 'metadata.namespace': 'default', 'spec.nodeName': 'node-1', 'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler', 'spec.serviceAccountName': 'default', 'spec.hostNetwork': 'false',
      'status.phase': 'Running', 'status.podIP': '10.0.0.5', 'status.nominatedNodeName': '',
    });
    expect(fieldsForObject('Pod', { metadata: { name: 'p' }, spec: { hostNetwork: true } })['spec.hostNetwork']).toBe('true');
    expect(fieldsForObject('Pod', { metadata: { name: 'p' } })['status.podIP']).toBe('');
  });
  const rows: Array<[string, object, Record<string, string>]> = [
    ['Node', { metadata: { name: 'n1' }, spec: { unschedulable: true } }, { 'metadata.name': 'n1', 'spec.unschedulable': 'true' }],
    ['Node', { metadata: { name: 'n2' } }, { 'metadata.name': 'n2', 'spec.unschedulable': 'false' }],
    ['Namespace', { metadata: { name: 'default' }, status: { phase: 'Active' } }, { 'metadata.name': 'default', 'status.phase': 'Active' }],
    ['Secret', { metadata: { name: 's', namespace: 'd' }, type: 'Opaque' }, { 'metadata.name': 's', 'metadata.namespace': 'd', type: 'Opaque' }],
    ['Service', { metadata: { name: 'k', namespace: 'default' }, spec: { clusterIP: '10.96.0.1', type: 'ClusterIP' } },
      { 'metadata.name': 'k', 'metadata.namespace': 'default', 'spec.clusterIP': '10.96.0.1', 'spec.type': 'ClusterIP' }],
    ['ReplicationController', { metadata: { name: 'r', namespace: 'd' }, status: { replicas: 3 } }, { 'metadata.name': 'r', 'metadata.namespace': 'd', 'status.replicas': '3' }],
    ['Job', { metadata: { name: 'j', namespace: 'd' }, status: { succeeded: 1 } }, { 'metadata.name': 'j', 'metadata.namespace': 'd', 'status.successful': '1' }],
    ['Job', { metadata: { name: 'j', namespace: 'd' } }, { 'metadata.name': 'j', 'metadata.namespace': 'd', 'status.successful': '0' }],
    ['Deployment', { metadata: { name: 'web', namespace: 'd' }, status: { replicas: 3 } }, { 'metadata.name': 'web', 'metadata.namespace': 'd' }],
    ['ClusterRole', { metadata: { name: 'admin' } }, { 'metadata.name': 'admin' }],
    ['Event', {
      metadata: { name: 'e', namespace: 'd' }, involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'd', uid: 'u1', apiVersion: 'v1', fieldPath: 'spec.containers{web}' },
      reason: 'Pulled', type: 'Normal', source: { component: 'kubelet' },
    }, {
      'metadata.name': 'e', 'metadata.namespace': 'd', 'involvedObject.kind': 'Pod', 'involvedObject.namespace': 'd',
      'involvedObject.name': 'web-1', 'involvedObject.uid': 'u1', 'involvedObject.apiVersion': 'v1',
      'involvedObject.resourceVersion': '', 'involvedObject.fieldPath': 'spec.containers{web}', reason: 'Pulled',
      reportingComponent: '', source: 'kubelet', type: 'Normal',
    }],
  ];
  it.each(rows)('%s %j', (kind, o, want) => expect(fieldsForObject(kind, o)).toEqual(want));
  it('an event without a source component selects on its reporting controller', () => {
    expect(fieldsForObject('Event', { metadata: { name: 'e' }, reportingComponent: 'deployment-controller' }).source).toBe('deployment-controller');
  });
});

describe('field label conversion (apiserver)', () => {
  const rows: Array<[string, string, [string, string] | string]> = [
    ['Pod', 'status.phase', ['status.phase', 'v']], ['Pod', 'spec.nodeName', ['spec.nodeName', 'v']],
    ['Pod', 'spec.host', ['spec.nodeName', 'v']], ['Pod', 'status.podIPs', ['status.podIPs', 'v']],
    ['Pod', 'foo', 'field label not supported: foo'], ['Pod', 'metadata.labels', 'field label not supported: metadata.labels'],
    ['Node', 'metadata.name', ['metadata.name', 'v']], ['Node', 'metadata.namespace', 'field label not supported: metadata.namespace'],
    ['Node', 'spec.unschedulable', ['spec.unschedulable', 'v']], ['Namespace', 'status.phase', ['status.phase', 'v']],
    ['Secret', 'type', ['type', 'v']], ['Secret', 'data', 'field label not supported: data'],
    ['Service', 'spec.type', ['spec.type', 'v']], ['Service', 'spec.ports', 'field label not supported: spec.ports'],
    ['Event', 'involvedObject.name', ['involvedObject.name', 'v']], ['Event', 'message', 'field label not supported: message'],
    ['Job', 'status.successful', ['status.successful', 'v']], ['Job', 'spec.x', 'field label "spec.x" not supported for "Job"'],
    ['CronJob', 'spec.suspend', 'field label "spec.suspend" not supported for "CronJob"'],
    ['Deployment', 'metadata.name', ['metadata.name', 'v']], ['Deployment', 'metadata.namespace', ['metadata.namespace', 'v']],
    ['Deployment', 'status.replicas', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['ReplicaSet', 'status.replicas', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['ConfigMap', 'foo', '"foo" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ];
  it.each(rows)('%s %s', (kind, label, want) => {
    if (typeof want === 'string') {
      expect(() => convertFieldLabel(kind, label, 'v')).toThrow(FieldSelectorError);
      expect(() => convertFieldLabel(kind, label, 'v')).toThrow(want);
    } else {
      expect(convertFieldLabel(kind, label, 'v')).toEqual(want);
    }
  });
  it('events.k8s.io events only know metadata fields', () => {
    expect(() => convertFieldLabel('Event', 'reason', 'x', 'events.k8s.io/v1')).toThrow('"reason" is not a known field selector');
  });
  it('validateFieldSelector converts every term, then matches object fields', () => {
    const sel = validateFieldSelector('Pod', parseFieldSelector('spec.host=node-1,status.phase!=Failed'));
    expect(sel.toString()).toBe('spec.nodeName=node-1,status.phase!=Failed');
    expect(sel.matches(fieldsForObject('Pod', { metadata: { name: 'p', namespace: 'd' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running' } }))).toBe(true);
    expect(() => validateFieldSelector('Pod', parseFieldSelector('a=b'))).toThrow('field label not supported: a');
  });
});
