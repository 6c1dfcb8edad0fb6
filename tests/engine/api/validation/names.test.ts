import { describe, expect, it } from 'vitest';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1035Label,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPercent,
  isConfigMapKey,
  nameIsDNSSubdomain,
} from '../../../../src/engine/api/validation/names';

// Good and bad values from apimachinery util/validation/validation_test.go.
const table: { fn: (s: string) => string[]; good: string[]; bad: string[] }[] = [
  {
    fn: isDNS1123Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)],
    bad: ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a'.repeat(64)],
  },
  {
    fn: isDNS1123Subdomain,
    good: ['a', 'ab', 'a.a', 'a-1.b-2', '0.a', '1.2.3', 'a'.repeat(253)],
    bad: ['', 'A', 'a.', '.a', 'a..b', 'a_b', 'a-.b', 'a'.repeat(254)],
  },
  {
    fn: isDNS1035Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)],
    bad: ['0', '01', '1a', '1-a', '', 'A', 'a-', 'a.b', 'a_b', 'a'.repeat(64)],
  },
  {
    fn: isQualifiedName,
    good: ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'example.com/Uppercase_Allowed', 'a'.repeat(63), 'a'.repeat(253) + '/' + 'b'.repeat(63)],
    bad: ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64)],
  },
  {
    fn: isValidLabelValue,
    good: ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''],
    bad: ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)],
  },
  {
    fn: isValidPortName,
    good: ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
    bad: ['longerthan15characters', '', 'a'.repeat(16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'],
  },
  { fn: isValidPercent, good: ['0%', '00000%', '1%', '01%', '99%', '100%', '101%'], bad: ['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%'] },
  { fn: isConfigMapKey, good: ['a', 'ab', 'a.b', 'A_B', '.a', 'a-b', 'a'.repeat(253)], bad: ['', '.', '..', '..a', 'a b', 'a/b', 'a:b', 'a'.repeat(254)] },
];

describe('name and value formats', () => {
  for (const { fn, good, bad } of table) {
    for (const v of good) it(`${fn.name} accepts ${JSON.stringify(v.slice(0, 40))}`, () => expect(fn(v)).toEqual([]));
    for (const v of bad) it(`${fn.name} rejects ${JSON.stringify(v.slice(0, 40))}`, () => expect(fn(v).length).toBeGreaterThan(0));
  }
});

describe('exact messages', () => {
  const rows: { input: string[]; want: string[] }[] = [
    {
      input: isDNS1123Subdomain('Web'),
      want: [
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      input: isDNS1035Label('1web'),
      want: [
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    { input: isDNS1123Label('a.b'), want: ['must not contain dots'] },
    { input: isDNS1123Label('a'.repeat(64)), want: ['must be no more than 63 characters'] },
    { input: isValidPortName('-A'), want: ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)', 'must not begin or end with a hyphen'] },
    { input: nameIsDNSSubdomain('web-', true), want: [] },
    { input: isQualifiedName('/a'), want: ['prefix part must be non-empty'] },
  ];
  rows.forEach(({ input, want }, i) => it(`row ${i}`, () => expect(input).toEqual(want)));
});
