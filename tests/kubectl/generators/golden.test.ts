// Golden tests: every case in golden/cases.txt, captured from the real kubectl v1.32.4 by capture.sh,
// is parsed and built with our generators; -o json must match byte for byte (key order included)
// and errors must carry kubectl's text.
import { describe, expect, it } from 'vitest';
import { GENERATORS, GENERATOR_GROUPS } from '../../../src/kubectl/generators/index';
import { EXPOSE_FLAGS, exposeService } from '../../../src/kubectl/generators/expose';
import type { GeneratorCommand, GeneratorResult } from '../../../src/kubectl/generators/types';
import { fixtureContext, fixtureObject, goIndentJson, loadCases, parseArgv } from './harness';

const PLURALS: Record<string, string> = {
  deployment: 'deployments', deploy: 'deployments', pod: 'pods', po: 'pods', service: 'services',
  svc: 'services', rs: 'replicasets', replicaset: 'replicasets',
};

/** Finds the command an argv names, following parent aliases (`create svc clusterip`). */
function findCommand(words: string[]): { cmd: GeneratorCommand; rest: string[] } {
  const parentAlias = new Map<string, string>();
  for (const g of GENERATOR_GROUPS) for (const a of g.aliases) parentAlias.set(a, g.path[g.path.length - 1]);
  for (const cmd of GENERATORS) {
    const n = cmd.path.length;
    const head = words.slice(0, n).map((w, i) => (i < n - 1 ? parentAlias.get(w) ?? w : w));
    const last = head[n - 1];
    if (head.slice(0, n - 1).join(' ') === cmd.path.slice(0, n - 1).join(' ') &&
        (last === cmd.path[n - 1] || cmd.aliases.includes(last))) {
      return { cmd, rest: words.slice(n) };
    }
  }
  throw new Error(`no generator for ${words.join(' ')}`);
}

function run(argv: string[]): GeneratorResult {
  let ns: string | undefined;
  let words = argv;
  if (words[0] === '-n') {
    ns = words[1];
    words = words.slice(2);
  }
  if (words[0] === 'expose') {
    const p = parseArgv(words.slice(1), EXPOSE_FLAGS);
    const namespace = p.namespace ?? ns;
    const [type, name] = p.positional;
    const source = fixtureObject(namespace ?? 'default', PLURALS[type], name);
    if (!source) throw new Error(`no fixture for ${type}/${name}`);
    return exposeService(source, p.flags, fixtureContext(namespace));
  }
  const { cmd, rest } = findCommand(words);
  const p = parseArgv(rest, cmd.flags);
  return cmd.build(p.positional, p.rest, p.flags, fixtureContext(p.namespace ?? ns));
}

describe('generators match kubectl v1.32.4 --dry-run=client -o json', () => {
  const cases = loadCases();
  it('has enough captured cases', () => {
    expect(cases.filter((c) => c.json).length).toBeGreaterThanOrEqual(40);
    expect(cases.every((c) => c.json !== undefined || c.error !== undefined)).toBe(true);
  });
  for (const c of cases) {
    it(c.name, () => {
      const got = run(c.argv);
      if (c.json !== undefined) {
        if (!got.ok) throw new Error(`expected an object, got error: ${got.error}`);
        expect(goIndentJson(got.object)).toBe(c.json);
      } else {
        expect(got).toEqual({ ok: false, error: c.error!.text, ...(c.error!.verbatim ? { verbatim: true } : {}) });
      }
    });
  }
});
