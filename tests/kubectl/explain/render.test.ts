// The sub-template cases of kubectl v1.32's pkg/explain/v2/templates/plaintext_test.go, as facts.
import { describe, expect, it } from 'vitest';
import { extractEnum, fieldDetail, indent, resolveRef, typeGuess } from '../../../src/kubectl/explain/render';
import type { OpenApiDocument, OpenApiSchema } from '../../../src/engine/api/openapi/types';

const emptyDoc = { components: { schemas: {} }, paths: {} } as unknown as OpenApiDocument;
const timeDoc = {
  components: { schemas: { 'v1.Time': { type: 'string', format: 'date-time' } } },
  paths: {},
} as unknown as OpenApiDocument;
const CRV = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceValidation';

const typeRows: { name: string; schema: OpenApiSchema; doc?: OpenApiDocument; want: string }[] = [
  { name: 'Scalar', schema: { type: 'string' }, want: 'string' },
  { name: 'True additionalProperties', schema: { type: 'string', additionalProperties: true }, want: 'string' },
  { name: 'PrimitiveRef', schema: { description: 'a cool field', $ref: '#/components/schemas/v1.Time' }, doc: timeDoc, want: 'string' },
  { name: 'ArrayUnknown', schema: { description: 'a cool field', type: 'array' }, want: 'array' },
  { name: 'ObjectTitle', schema: { description: 'a cool field', type: 'object' }, want: 'Object' },
  { name: 'ArrayOfScalar', schema: { type: 'array', items: { type: 'number' } }, want: '[]number' },
  { name: 'ArrayOfAllOfRef', schema: { type: 'array', items: { type: 'object', allOf: [{ $ref: CRV }] } }, want: '[]CustomResourceValidation' },
  { name: 'ArrayOfRef', schema: { type: 'array', items: { type: 'object', $ref: CRV } }, want: '[]CustomResourceValidation' },
  { name: 'ArrayOfMap', schema: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } }, want: '[]map[string]string' },
  { name: 'MapOfArrayOfScalar', schema: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }, want: 'map[string][]string' },
  { name: 'MapOfRef', schema: { type: 'object', additionalProperties: { type: 'string', allOf: [{ $ref: CRV }] } }, want: 'map[string]CustomResourceValidation' },
  { name: 'Unknown', schema: { description: 'a cool field' }, want: 'Object' },
  { name: 'RefToMissing', schema: { $ref: '#/components/schemas/io.k8s.api.core.v1.Missing' }, want: 'Missing' },
  { name: 'EmptyAdditionalProperties', schema: { type: 'object', additionalProperties: {} }, want: 'Object' },
];

describe('typeGuess', () => {
  it.each(typeRows)('$name', ({ schema, doc, want }) => {
    expect(typeGuess(schema, doc ?? emptyDoc)).toBe(want);
  });
});

const parent: OpenApiSchema = {
  type: 'object',
  description: 'a description that should not be printed',
  properties: { thefield: { type: 'string', description: 'a description that should be printed' } },
  required: ['thefield'],
};

describe('fieldDetail', () => {
  const rows = [
    { name: 'Required', short: true, level: 0, want: 'thefield\t<string> -required-\n' },
    { name: 'Description', short: false, level: 0, want: 'thefield\t<string> -required-\n  a description that should be printed\n\n' },
    { name: 'Indent', short: true, level: 5, want: '          thefield\t<string> -required-\n' },
    { name: 'Level 1', short: false, level: 1, want: '  thefield\t<string> -required-\n    a description that should be printed\n\n' },
  ];
  it.each(rows)('$name', ({ short, level, want }) => {
    expect(fieldDetail(parent, 'thefield', short, level, emptyDoc)).toBe(want);
  });

  it('prints <no description> and a short enum line', () => {
    const p: OpenApiSchema = { properties: { f: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E'] } } };
    expect(fieldDetail(p, 'f', false, 1, emptyDoc)).toBe('  f\t<string>\n  enum: A, B, C, D, ....\n    <no description>\n\n');
  });
});

describe('extractEnum', () => {
  const rows = [
    { name: 'extractEmptyEnum', enum: [], long: false, limit: 0, indentAmount: 0, want: '' },
    { name: 'extractEnumSimpleForm', enum: [0, 1, 2, 3], long: true, limit: 0, indentAmount: 0, want: 'ENUM:\n    0\n    1\n    2\n    3' },
    { name: 'extractEnumLongFormWithIndent', enum: [0, 1, 2, 3], long: false, limit: 0, indentAmount: 2, want: '\n  enum: 0, 1, 2, 3' },
    { name: 'extractEnumLongFormWithLimitAndIndent', enum: [0, 1, 2, 3], long: false, limit: 2, indentAmount: 2, want: '\n  enum: 0, 1, ....' },
    { name: 'extractEnumSimpleFormWithLimitAndIndent', enum: [0, 1, 2, 3], long: true, limit: 2, indentAmount: 2, want: 'ENUM:\n    0\n    1, ....' },
    { name: 'extractEnumSimpleFormEmptyString', enum: ['Block', 'File', ''], long: true, limit: 0, indentAmount: 0, want: 'ENUM:\n    Block\n    File\n    ""' },
    { name: 'limit -1 prints all', enum: ['a', 'b', 'c', 'd', 'e'], long: false, limit: -1, indentAmount: 0, want: '\nenum: a, b, c, d, e' },
  ];
  it.each(rows)('$name', (r) => {
    expect(extractEnum({ type: 'string', enum: r.enum }, r.long, r.limit, r.indentAmount)).toBe(r.want);
  });
});

describe('helpers', () => {
  it.each([
    { amount: 4, str: 'a\nb', want: '    a\n    b' },
    { amount: 2, str: 'x\n', want: '  x\n  ' },
    { amount: 0, str: 'x', want: 'x' },
  ])('indent($amount, $str)', ({ amount, str, want }) => {
    expect(indent(amount, str)).toBe(want);
  });

  it.each([
    { ref: '#/components/schemas/v1.Time', want: { type: 'string', format: 'date-time' } },
    { ref: 'v1.Time', want: undefined },
    { ref: '#/components/schemas/nope', want: undefined },
    { ref: 42, want: undefined },
  ])('resolveRef($ref)', ({ ref, want }) => {
    expect(resolveRef(ref, timeDoc)).toEqual(want);
  });
});
