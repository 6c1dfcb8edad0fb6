// custom-columns tables ported (as facts) from kubectl pkg/cmd/get/customcolumn_test.go,
// plus the error texts of customcolumn.go.
import { describe, expect, it } from 'vitest';
import {
  CustomColumnsError,
  escapeTerminal,
  parseCustomColumnsSpec,
  parseCustomColumnsTemplate,
  printCustomColumns,
} from '../../../src/kubectl/printers/custom-columns';

describe('parseCustomColumnsSpec', () => {
  it('parses headers and relaxed paths', () => {
    expect(parseCustomColumnsSpec('NAME:metadata.name,API_VERSION:apiVersion')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
    ]);
  });
  it('keeps everything after the first colon as the path', () => {
    expect(parseCustomColumnsSpec('A:{.metadata.annotations.a:b}')).toEqual([
      { header: 'A', fieldSpec: '{.metadata.annotations.a:b}' },
    ]);
  });
  const errors = [
    { input: '', want: 'custom-columns format specified but no custom columns given' },
    { input: 'invalid', want: 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>' },
    { input: 'invalid=foobar', want: 'unexpected custom-columns spec: invalid=foobar, expected <header>:<json-path-expr>' },
    { input: 'invalid,foobar:blah', want: 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>' },
    {
      input: 'A:{.a',
      want: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    },
  ];
  it.each(errors)('rejects $input', ({ input, want }) => {
    expect(() => parseCustomColumnsSpec(input)).toThrow(CustomColumnsError);
    expect(() => parseCustomColumnsSpec(input)).toThrow(want);
  });
});

describe('parseCustomColumnsTemplate', () => {
  const want = [
    { header: 'NAME', fieldSpec: '{.metadata.name}' },
    { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
  ];
  it.each([
    'NAME               API_VERSION\n{metadata.name}    {apiVersion}',
    'NAME               \t\tAPI_VERSION\n\t\t\t\t\t\t\t{metadata.name}    {apiVersion}',
    'NAME API_VERSION\r\n.metadata.name .apiVersion\r\nignored line\n',
  ])('parses %j', (text) => {
    expect(parseCustomColumnsTemplate(text)).toEqual(want);
  });
  const errors = [
    {
      input: '',
      want: 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.',
    },
    {
      input: 'NAME\n',
      want: 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.',
    },
    { input: 'NAME KIND\n.metadata.name', want: "number of headers (2) and field specifications (1) don't match" },
  ];
  it.each(errors)('rejects $input', ({ input, want }) => {
    expect(() => parseCustomColumnsTemplate(input)).toThrow(want);
  });
});

const pod = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  ...extra,
});

describe('printCustomColumns (TestColumnPrint)', () => {
  const rows = [
    { columns: 'NAME:.metadata.name', objs: [pod('foo')], want: 'NAME\nfoo\n' },
    { columns: 'NAME:.metadata.name', objs: [pod('foo'), pod('bar')], want: 'NAME\nfoo\nbar\n' },
    { columns: 'NAME:.metadata.name,API_VERSION:.apiVersion', objs: [{ ...pod('foo'), apiVersion: 'baz' }], want: 'NAME   API_VERSION\nfoo    baz\n' },
    {
      columns: 'NAME:.metadata.name,API_VERSION:.apiVersion,NOT_FOUND:.notFound',
      objs: [{ ...pod('foo'), apiVersion: 'baz' }],
      want: 'NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n',
    },
    { columns: 'NAME:.metadata.name', objs: [pod('\x1b \r')], want: 'NAME\n^[ \\r\n' },
    {
      columns: 'NAME:.metadata.name,LONG COLUMN NAME:.metadata.labels.label1,LABEL 2:.metadata.labels.label2',
      objs: [
        { metadata: { name: 'foo', labels: { label1: 'foo', label2: 'foo' } } },
        { metadata: { name: 'bar', labels: { label1: 'bar', label2: 'bar' } } },
      ],
      want: 'NAME   LONG COLUMN NAME   LABEL 2\nfoo    foo                foo\nbar    bar                bar\n',
    },
    // Values print as Go's fmt.Sprint: maps as map[k:v], nil as <nil>, ints plainly.
    {
      columns: 'L:.metadata.labels,R:.spec.replicas,T:.metadata.creationTimestamp,P:.spec.ports',
      objs: [{ metadata: { labels: { b: '2', a: '1' }, creationTimestamp: null }, spec: { replicas: 1000000, ports: [{ port: 80 }, { port: 443 }] } }],
      want: 'L              R         T       P\nmap[a:1 b:2]   1000000   <nil>   [map[port:80] map[port:443]]\n',
    },
    { columns: 'NAME:.metadata.name', objs: [], want: 'NAME\n' },
  ];
  it.each(rows)('$columns', ({ columns, objs, want }) => {
    const result = printCustomColumns(objs, parseCustomColumnsSpec(columns), { noHeaders: false });
    expect(result.error).toBeUndefined();
    expect(result.output).toBe(want);
  });

  it('omits the header with noHeaders', () => {
    const result = printCustomColumns([pod('foo')], parseCustomColumnsSpec('NAME:.metadata.name,K:.kind'), { noHeaders: true });
    expect(result.output).toBe('foo   Pod\n');
  });

  it('prints floats as Go does for typed objects', () => {
    const result = printCustomColumns([{ n: 1000000 }], parseCustomColumnsSpec('N:.n'), { noHeaders: true, numberMode: 'typed' });
    expect(result.output).toBe('1e+06\n');
  });
});

describe('printCustomColumns slices (TestSliceColumnPrint)', () => {
  const obj = { metadata: { name: 'fake-name' }, spec: { containers: [0, 1, 2, 3].map((i) => ({ name: `fake${i}` })) } };
  const ok = [
    { path: '.spec.containers[0].name', want: 'fake0' },
    { path: '.spec.containers[3].name', want: 'fake3' },
    { path: '.spec.containers[-1].name', want: 'fake3' },
    { path: '.spec.containers[-2].name', want: 'fake2' },
    { path: '.spec.containers[-4].name', want: 'fake0' },
    { path: '.spec.containers[0:0].name', want: '<none>' },
    { path: '.spec.containers[0:3].name', want: 'fake0,fake1,fake2' },
    { path: '.spec.containers[1:].name', want: 'fake1,fake2,fake3' },
    { path: '.spec.containers[-3:-1].name', want: 'fake1,fake2' },
    { path: '.spec.containers[-5:-5].name', want: '<none>' },
    { path: '.spec.containers[*].name', want: 'fake0,fake1,fake2,fake3' },
  ];
  it.each(ok)('$path', ({ path, want }) => {
    const result = printCustomColumns([obj], parseCustomColumnsSpec(`CONTAINER:${path}`), { noHeaders: false });
    expect(result.output).toBe(`CONTAINER\n${want}\n`);
  });
  const bad = [
    { path: '.spec.containers[5].name', want: 'array index out of bounds: index 5, length 4' },
    { path: '.spec.containers[-5].name', want: 'array index out of bounds: index -1, length 4' },
    { path: '.spec.containers[3:1].name', want: 'starting index 3 is greater than ending index 1' },
  ];
  it.each(bad)('$path fails after the header was written', ({ path, want }) => {
    const result = printCustomColumns([obj], parseCustomColumnsSpec(`CONTAINER:${path}`), { noHeaders: false });
    expect(result.error?.message).toBe(want);
    expect(result.output).toBe('CONTAINER\n');
  });
  it('reports a template that does not parse', () => {
    const result = printCustomColumns([obj], parseCustomColumnsSpec('C:.spec.containers[x]'), { noHeaders: false });
    expect(result.error?.message).toBe('invalid array index x');
  });
});

describe('escapeTerminal', () => {
  it.each([
    { input: 'plain', want: 'plain' },
    { input: '\x1b[31mred', want: '^[[31mred' },
    { input: 'a\rb', want: 'a\\rb' },
  ])('$input', ({ input, want }) => {
    expect(escapeTerminal(input)).toBe(want);
  });
});
