// What legitimately differs between the real kubectl's output and ours, each rule with its
// reason. Anything not named here is compared byte for byte.
import type { Outcome } from './twins';

/** The two sides of a comparison. */
export type Side = 'real' | 'ours';

/**
 * klog's line header (`W0115 09:30:00.123456   12345 file.go:70] `) carries the wall-clock time
 * and the process id of the real binary: neither exists for an in-process kubectl.
 */
const KLOG_HEADER = /^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6}\s+\d+ [\w.-]+:\d+\] /gm;

/**
 * The kubectl on PATH is Google Cloud SDK's build, whose client version says
 * `v1.32.4-dispatcher`; upstream's release (which ours reproduces) says `v1.32.4`.
 */
const DISPATCHER = /^(Client Version: v\d+\.\d+\.\d+)-dispatcher$/m;

/**
 * `describe` prints ages (the Age column of Events and of a node's pods) from the client's own
 * clock: the real kubectl reads the wall clock, ours the paused simulated one, so these cells
 * legitimately differ, and with them the padding of their table. In every table that has an
 * `Age` column, that cell becomes `<age>` and the cells are joined with ` | ` instead of padded;
 * every other cell is still compared.
 */
export function describeAges(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const dashes = lines[i + 1];
    if (!/^\s*-+( +-+)*\s*$/.test(dashes)) continue;
    const starts = [...dashes.matchAll(/-+/g)].map((m) => m.index);
    const cells = (line: string) => starts.map((st, k) => line.slice(st, k + 1 < starts.length ? starts[k + 1] : undefined).trimEnd());
    const ageCol = cells(lines[i]).indexOf('Age');
    if (ageCol < 0) continue;
    const indent = lines[i].length - lines[i].trimStart().length;
    const join = (line: string, age?: boolean) => ' '.repeat(indent) + cells(line).map((c, k) => (age && k === ageCol ? '<age>' : c)).join(' | ');
    lines[i] = join(lines[i]);
    lines[i + 1] = join(dashes);
    for (let j = i + 2; j < lines.length; j++) {
      const l = lines[j];
      if (l.trim() === '' || l.length - l.trimStart().length < indent) break;
      lines[j] = join(l, true);
    }
  }
  return lines.join('\n');
}

/** Applies the rules above to one outcome of `kubectl ARGV`. */
export function normalise(o: Outcome, side: Side, argv: string[]): Outcome {
  const fix = (s: string) => s.replace(KLOG_HEADER, '$1<klog> ');
  let stdout = fix(o.stdout);
  if (side === 'real') stdout = stdout.replace(DISPATCHER, '$1');
  if (argv[0] === 'describe') stdout = describeAges(stdout);
  return { stdout, stderr: fix(o.stderr), code: o.code };
}
