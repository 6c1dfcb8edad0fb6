import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../../src/engine/api/strategy';
import {
  formatFieldError,
  invalidStatusMessage,
  invalidStatus,
  kubectlInvalidMessage,
  goValue,
} from '../../../../src/engine/api/validation/field-error';
import { goQuote } from '../../../../src/engine/codec/go-quote';
import { invalid, required, notSupported, forbidden, duplicate, tooLong, tooMany, notFound } from '../../../../src/engine/api/validation/field';

describe('formatFieldError (field.Error.Error, v0.32)', () => {
  const rows: { input: FieldError; want: string }[] = [
    { input: invalid('spec.replicas', -1, 'must be greater than or equal to 0'), want: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0' },
    { input: required('spec.selector'), want: 'spec.selector: Required value' },
    { input: required('metadata.name', 'name or generateName is required'), want: 'metadata.name: Required value: name or generateName is required' },
    {
      input: notSupported('spec.template.spec.restartPolicy', 'Never', ['Always']),
      want: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    },
    {
      input: notSupported('spec.template.spec.restartPolicy', 'Always', ['OnFailure', 'Never']),
      want: 'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    },
    { input: forbidden('spec', 'not allowed'), want: 'spec: Forbidden: not allowed' },
    { input: duplicate('spec.containers[1].name', 'web'), want: 'spec.containers[1].name: Duplicate value: "web"' },
    { input: tooLong('metadata.annotations', 262144), want: 'metadata.annotations: Too long: may not be more than 262144 bytes' },
    { input: tooMany('spec.x', 5, 4), want: 'spec.x: Too many: 5: must have at most 4 items' },
    { input: notFound('spec.containers[0].volumeMounts[0].name', 'data'), want: 'spec.containers[0].volumeMounts[0].name: Not found: "data"' },
    {
      input: invalid('spec.template.metadata.labels', { app: 'other' }, '`selector` does not match template `labels`'),
      want: 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    },
    { input: invalid('x', true, 'd'), want: 'x: Invalid value: true: d' },
    { input: invalid('x', 'a"b', ''), want: 'x: Invalid value: "a\\"b"' },
  ];
  for (const { input, want } of rows) it(want, () => expect(formatFieldError(input)).toBe(want));
});

describe('goValue (%#v)', () => {
  const rows: { input: unknown; type?: string; want: string }[] = [
    { input: 'x', want: '"x"' },
    { input: 'tab\there', want: '"tab\\there"' },
    { input: 3, want: '3' },
    { input: false, want: 'false' },
    { input: { b: '2', a: '1' }, want: 'map[string]string{"a":"1", "b":"2"}' },
    { input: {}, want: 'map[string]string{}' },
    { input: null, type: 'map[string]string', want: 'map[string]string(nil)' },
    { input: ['a', 'b'], want: '[]string{"a", "b"}' },
    { input: undefined, want: 'null' },
  ];
  for (const { input, type, want } of rows) it(want, () => expect(goValue(input, type)).toBe(want));
  it('quotes control characters as Go does', () => expect(goQuote('a\u0001\n')).toBe('"a\\x01\\n"'));
});

describe('Invalid status', () => {
  const one = [invalid('spec.replicas', -1, 'must be greater than or equal to 0')];
  const two = [required('spec.selector'), ...one];
  it('one cause', () => {
    expect(invalidStatusMessage({ group: 'apps', kind: 'Deployment' }, 'web', one)).toBe(
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
  it('several causes are bracketed, core kinds unqualified', () => {
    expect(invalidStatusMessage({ group: '', kind: 'Pod' }, 'p', two)).toBe(
      'Pod "p" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]',
    );
  });
  it('duplicates are dropped from the aggregate', () => {
    expect(invalidStatusMessage('Pod', 'p', [required('a'), required('a')])).toBe('Pod "p" is invalid: a: Required value');
  });
  it('builds the Status with causes', () => {
    const s = invalidStatus('apps', 'Deployment', 'web', one);
    expect(s.code).toBe(422);
    expect(s.reason).toBe('Invalid');
    expect(s.details).toEqual({
      name: 'web',
      group: 'apps',
      kind: 'Deployment',
      causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }],
    });
  });
  it('kubectl prints one cause on one line', () => {
    expect(kubectlInvalidMessage(invalidStatus('apps', 'Deployment', 'web', one).details)).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
  it('kubectl prints several causes as a list after a trailing space', () => {
    expect(kubectlInvalidMessage(invalidStatus('apps', 'Deployment', 'web', two).details)).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});
