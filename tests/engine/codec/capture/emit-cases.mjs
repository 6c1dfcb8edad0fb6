// Input values for the emitter goldens (see capture-emit.mjs). Each case becomes the field `v` of a
// ConfigMap-shaped object printed by the real kubectl v1.32.
const long = (n, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
const sched = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';

export const strings = [
  '', ' ', 'a', 'hello world', '1', '-1', '+1', '1.5', '1e3', '1E3', '1e400', '0x1f', '0X1F', '0o17', '017', '08', '0b101', '-0b101',
  '1_000', '1__0', '_1', '.5', '.', '.e5', '.inf', '.Inf', '-.inf', '+.inf', '.nan', '.NaN', 'inf', 'nan', 'NaN', 'Infinity',
  'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'Yes', 'YES', 'yEs', 'no', 'No', 'on', 'On', 'off', 'OFF', 'y', 'Y', 'n', 'N',
  '~', 'null', 'Null', 'NULL', 'nULL', '<<', '<', '=', '9223372036854775807', '9223372036854775808', '18446744073709551616', '-9223372036854775809',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.10Z', '2001-12-14 21:59:43.10', '2001-12-14  21:59:43', '2002-02-30',
  '2004-02-29', '2001-1-2', '2001-13-01', '2001-12-14T21:59:43+25:00', '2001-12-14T21:59', '20011-12-14', '2024-01-01T00:00:00Z',
  '1:20', '-1:20:30.5', '1:60', '1:2:3', 'a:b', 'a: b', 'a :b', 'a:', 'a #b', 'a#b', '#a', '-a', '- a', '-', '--', '---', '---a', '....', '...',
  '?a', '? a', '?', ':a', ': a', ':', '[a]', 'a]', 'a[', '{', 'a}', 'a,b', ',a', '&a', 'a&', '*a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a',
  "a'b", 'a"b', 'a\\b', 'a b ', '  a', 'a  b', 'a\tb', '\t', '\ta', 'a\nb', 'a\n', 'a\n\n', '\n', '\n\n', '\na', ' a\nb', 'a\nb\n', 'a \nb', 'a\n b',
  'a\n\nb', 'a\r\nb', '\r', 'a\rb', 'é', 'naïve café', '日本語', '😀', 'a😀b', '\u00a0', 'a\u00a0b', '\u2028', 'a\u2028b', 'a\u2029b', '\u0085',
  '\u007f', 'a\u0080', '\u009f', '\uffff', '\ufffe', 'a\u0085b', 'a \u0085 b', 'a\u0085\u0085b', '\u0085a', '\ufeffab', 'a\ufeff', '\u0000', 'a\u0000b', '\u001b[0m', '\u0007', '\u0008\u000c', '<>&',
  '\ud800', 'a\udc00b', '\ue000', '\ufffd', 'key=value', 'http://example.com/a?b=c#d', '*/1 * * * *', '@every 1m', 'nginx:1.14.2', '100m', '1Gi',
  '10.0.0.1', '0.0.0.0/0', '80', '443:8443', 'a\tb\nc', 'line1\nline2 \nline3', 'x\n  indented\n', '  lead\nb', '#!/bin/sh\necho hi\n',
  long(20), long(30, 'ab'), sched, 'x'.repeat(100), 'x'.repeat(100) + ' y', ('w '.repeat(60)).trim(), 'aa  '.repeat(30) + 'end',
  '* ' + long(25), long(25) + '\tz', long(12, 'quoted') + ' "q" ' + long(12), long(20) + '\n' + long(20), 'true ' + long(20),
  long(15, 'sp') + '  ' + long(15, 'ss'), 'a'.repeat(79) + ' b c', 'a'.repeat(80) + ' b c', 'a'.repeat(81) + ' b c', 'a'.repeat(85) + '  b c',
];

export const numbers = [0, 1, -1, 42, 1.5, -0.5, 0.1, 1e21, 1.5e21, 1e20, 123456789.5, 1e-7, 1.5e-7, 0.000001, 0.0001, 0.00001, 100000.5, 1234567.5,
  2 ** 53, 2 ** 62, 2 ** 63, 2 ** 64, 1e300, 5e-324, 3.141592653589793, 999999.5, 1000000.5];

export const structures = [
  null, true, false, {}, [], [[]], [{}], { a: {} }, { a: [] }, [1, 'a', null, true], [[1, 2], [3, [4, []]]], [{ a: 1, b: [1, 2] }, { c: { d: 'e' } }],
  { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], args: ['a', 'b c', 'yes'] }] },
  { a: [[{ x: 1, y: [{ z: 'multi\nline' }] }]] }, ['multi\nline', 'trail\n', 'keep\n\n', { k: 'l\nm' }],
  { a: { b: { c: { d: { e: { f: long(20) } } } } } }, [[[[long(20)]]]], { a: [{ b: [{ c: sched }] }] },
];

export const keySets = [
  ['a10', 'a2', 'a1', 'b', 'B', '_a', '1', '10', '2', 'a01', 'a001', 'a0', 'a00', 'z', 'é', 'a-b', 'a.b', 'aB', 'ab', 'A', 'a'],
  // Sets mixing digit runs of different lengths with letters after them (v1 / v10 / v1beta1) make
  // go-yaml's Less non-transitive, and kubectl's order then changes from run to run: not captured.
  ['x1', 'x01', 'x10', 'x2', 'x0', 'x00', 'x000', 'x9', 'x09', 'x99', 'x100', 'x-1', 'x.1', 'x_1'],
  ['app.kubernetes.io/name', 'app', 'app.kubernetes.io/version', 'kubectl.kubernetes.io/last-applied-configuration', 'app-x', 'app_x', 'app1', 'App'],
  ['-', '.', '/', '0', '9', ':', '@', '[', '~', 'a', '日', 'Ω', ' ', ''],
  ['10.1', '10.01', '1.10', '1.9', 'v1', 'v2', 'v10', '1.2.3', '1.2.10', 'ip-10-0-0-1', 'ip-10-0-0-10', 'ip-10-0-0-2'],
  ['a0b', 'a00b', 'a1b', 'a10b', 'a20', 'a200', 'a0', '00', '0', '000', '01', '001', '1'],
  ['true', 'yes', 'null', '', '1', '1.5', 'a: b', '#x', '- x', ' lead', 'trail ', 'multi\nline', 'k'.repeat(129), 'k'.repeat(128), 'x'.repeat(130) + '\u00e9'],
];
