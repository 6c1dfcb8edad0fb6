// Parser tables ported (as facts) from client-go util/jsonpath/parser_test.go; nodes are
// flattened depth-first like upstream's collectNode and compared in a compact notation.
import { describe, expect, it } from 'vitest';
import type { JsonPathNode } from '../../../src/kubectl/jsonpath/nodes';
import { parseTemplate, JsonPathParseError } from '../../../src/kubectl/jsonpath/parser';

function show(n: JsonPathNode): string {
  switch (n.type) {
    case 'list':
      return 'List';
    case 'text':
      return `Text(${n.text})`;
    case 'field':
      return `Field(${n.value})`;
    case 'array':
      return `Array(${n.params.map((p) => `${p.value}/${p.known}/${p.derived}`).join(',')})`;
    case 'filter':
      return `Filter(${n.operator})`;
    case 'int':
      return `Int(${n.value})`;
    case 'float':
      return `Float(${n.value})`;
    case 'bool':
      return `Bool(${n.value})`;
    case 'wildcard':
      return 'Wildcard';
    case 'recursive':
      return 'Recursive';
    case 'union':
      return 'Union';
    case 'identifier':
      return `Identifier(${n.name})`;
  }
}

function collect(n: JsonPathNode, out: string[] = []): string[] {
  out.push(show(n));
  if (n.type === 'list') n.nodes.forEach((c) => collect(c, out));
  if (n.type === 'filter') {
    collect(n.left, out);
    collect(n.right, out);
  }
  if (n.type === 'union') n.nodes.forEach((c) => collect(c, out));
  return out;
}

const flat = (template: string): string[] => collect(parseTemplate(template)).slice(1);

const ROWS: { name: string; input: string; want: string[] }[] = [
  { name: 'plain', input: 'hello jsonpath', want: ['Text(hello jsonpath)'] },
  { name: 'variable', input: 'hello {.jsonpath}', want: ['Text(hello )', 'List', 'Field(jsonpath)'] },
  { name: 'arrayfield', input: "hello {['jsonpath']}", want: ['Text(hello )', 'List', 'Field(jsonpath)'] },
  { name: 'quote', input: '{"{"}', want: ['List', 'Text({)'] },
  { name: 'array', input: '{[1:3]}', want: ['List', 'Array(1/true/false,3/true/false,0/false/false)'] },
  {
    name: 'allarray',
    input: '{.book[*].author}',
    want: ['List', 'Field(book)', 'Array(0/false/false,0/false/false,0/false/false)', 'Field(author)'],
  },
  { name: 'wildcard', input: '{.bicycle.*}', want: ['List', 'Field(bicycle)', 'Wildcard'] },
  { name: 'filter', input: '{[?(@.price<3)]}', want: ['List', 'Filter(<)', 'List', 'Field(price)', 'List', 'Int(3)'] },
  { name: 'recursive', input: '{..}', want: ['List', 'Recursive'] },
  { name: 'recurField', input: '{..price}', want: ['List', 'Recursive', 'Field(price)'] },
  { name: 'arraydict', input: "{['book.price']}", want: ['List', 'Field(book)', 'Field(price)'] },
  {
    name: 'union',
    input: "{['bicycle.price', 3, 'book.price']}",
    want: [
      'List', 'Union', 'List', 'Field(bicycle)', 'Field(price)',
      'List', 'Array(3/true/false,4/true/true,0/false/false)',
      'List', 'Field(book)', 'Field(price)',
    ],
  },
  {
    name: 'range',
    input: '{range .items}{.name},{end}',
    want: ['List', 'Identifier(range)', 'Field(items)', 'List', 'Field(name)', 'Text(,)', 'List', 'Identifier(end)'],
  },
  {
    name: 'paired parentheses in quotes',
    input: '{[?(@.status.nodeInfo.osImage == "()")]}',
    want: ['List', 'Filter(==)', 'List', 'Field(status)', 'Field(nodeInfo)', 'Field(osImage)', 'List', 'Text(())'],
  },
  {
    name: 'escaped double quotes inside double quotes',
    input: '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
    want: ['List', 'Filter(==)', 'List', 'Field(status)', 'Field(nodeInfo)', 'Field(osImage)', 'List', 'Text((""))'],
  },
  {
    name: 'unregular parentheses in double quotes',
    input: '{[?(@.test == "())(")]}',
    want: ['List', 'Filter(==)', 'List', 'Field(test)', 'List', 'Text(())()'],
  },
  {
    name: 'plain text in single quotes',
    input: "{[?(@.status.nodeInfo.osImage == 'Linux')]}",
    want: ['List', 'Filter(==)', 'List', 'Field(status)', 'Field(nodeInfo)', 'Field(osImage)', 'List', 'Text(Linux)'],
  },
  {
    name: 'filter suffix',
    input: '{[?(@.status.nodeInfo.osImage == "{[()]}")]}',
    want: ['List', 'Filter(==)', 'List', 'Field(status)', 'Field(nodeInfo)', 'Field(osImage)', 'List', 'Text({[()]})'],
  },
  {
    name: 'double inside single',
    input: `{[?(@.status.nodeInfo.osImage == "''")]}`,
    want: ['List', 'Filter(==)', 'List', 'Field(status)', 'Field(nodeInfo)', 'Field(osImage)', 'List', "Text('')"],
  },
  {
    name: 'single inside double',
    input: `{[?(@.status.nodeInfo.osImage == '""')]}`,
    want: ['List', 'Filter(==)', 'List', 'Field(status)', 'Field(nodeInfo)', 'Field(osImage)', 'List', 'Text("")'],
  },
  {
    name: 'single containing escaped single',
    input: "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}",
    want: ['List', 'Filter(==)', 'List', 'Field(status)', 'Field(nodeInfo)', 'Field(osImage)', 'List', "Text(\\')"],
  },
  { name: 'negative slice start', input: '{[-5:]}', want: ['List', 'Array(-5/true/false,0/false/false,0/false/false)'] },
  { name: 'negative index', input: '{[-1]}', want: ['List', 'Array(-1/true/false,0/true/true,0/false/false)'] },
  { name: 'negative slice end', input: '{[1:-1]}', want: ['List', 'Array(1/true/false,-1/true/false,0/false/false)'] },
  { name: 'escaped dots in a field', input: '{.a\\.b/c}', want: ['List', 'Field(a.b/c)'] },
  { name: 'recursive then dot field', input: '{...Price}', want: ['List', 'Recursive', 'Field(Price)'] },
  { name: 'literals', input: '{true}{-3}{1.5}', want: ['List', 'Bool(true)', 'List', 'Int(-3)', 'List', 'Float(1.5)'] },
  { name: 'exists filter', input: '{[?(@.z)]}', want: ['List', 'Filter(exists)', 'List', 'Field(z)', 'List'] },
  { name: 'empty action', input: '{}', want: ['List'] },
  { name: 'text around actions', input: 'a{.b}c', want: ['Text(a)', 'List', 'Field(b)', 'Text(c)'] },
];

describe('parseTemplate', () => {
  it.each(ROWS)('$name: $input', ({ input, want }) => {
    expect(flat(input)).toEqual(want);
  });
});

const FAILS: { input: string; want: string }[] = [
  // From parser_test.go TestFailParser.
  { input: '{.hello', want: 'unclosed action' },
  { input: '{*}', want: "unrecognized character in action: U+002A '*'" },
  { input: '{+12.3.0}', want: 'cannot parse number +12.3.0' },
  { input: '{[1}', want: 'unterminated array' },
  { input: '{[?(.price]}', want: 'unterminated filter' },
  { input: '{........}', want: 'invalid multiple recursive descent' },
  // Further messages of the same parser.
  { input: '{\\\\\\}', want: "unrecognized character in action: U+005C '\\'" },
  { input: '{.a, ', want: "unrecognized character in action: U+002C ','" },
  { input: '{.a\n}', want: 'unclosed action' },
  { input: '{[a]}', want: 'invalid array index a' },
  { input: '{[1:2:3:4]}', want: 'invalid array index 1:2:3:4' },
  { input: '{[?(@.a=="x"]}', want: 'unterminated filter' },
  { input: '{[?(@.a)x]}', want: 'unclosed array expect ]' },
  { input: '{"abc}', want: 'unterminated quoted string' },
  { input: '{"\\q"}', want: 'unquote string "\\q" error invalid syntax' },
  { input: '{-}', want: 'cannot parse number -' },
  { input: '{[99999999999999999999]}', want: 'array index 99999999999999999999 is not a number' },
];

describe('parseTemplate errors', () => {
  it.each(FAILS)('$input', ({ input, want }) => {
    expect(() => parseTemplate(input)).toThrow(JsonPathParseError);
    expect(() => parseTemplate(input)).toThrow(want);
    try {
      parseTemplate(input);
    } catch (e) {
      expect((e as Error).message).toBe(want);
    }
  });
});
