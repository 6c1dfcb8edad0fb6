// Sessions for `kubectl set image|env|resources` (outputs checked against kubectl v1.32 --local runs).
import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { parseEnv, keyToEnvName } from '../../../src/kubectl/commands/set-env';
import { parseResourceList } from '../../../src/kubectl/commands/set-resources';

const jp = (p: string) => `get deploy web -o jsonpath={${p}}`;

describe('set session', () => {
  it('runs each case in order', async () => {
    const h = harness([]);
    await h.run('create deployment web --image=nginx:1.14.2');
    await h.run('create secret generic s --from-literal=db-user=x --from-literal=b.key=y');
    const rows: Array<{ input: string; want: string; code?: number }> = [
      { input: 'set image deployment/web nginx=nginx:1.16', want: 'deployment.apps/web image updated\n' },
      { input: jp('.spec.template.spec.containers[0].image'), want: 'nginx:1.16' },
      { input: 'set image deployment/web nginx=nginx:1.16', want: '' },
      { input: 'set image deployment/web foo=b', want: 'error: unable to find container named "foo"\n', code: 1 },
      { input: 'set image deployment/web nginx=a foo=b', want: 'deployment.apps/web image updated\nerror: unable to find container named "foo"\n', code: 1 },
      { input: 'set image deployment web *=busybox --dry-run=client', want: 'deployment.apps/web image updated (dry run)\n' },
      { input: jp('.spec.template.spec.containers[0].image'), want: 'a' },
      { input: 'set image deployment/web', want: 'error: at least one image update is required\n', code: 1 },
      { input: 'set image nginx=a', want: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n', code: 1 },
      { input: 'set image deployment/nope nginx=a', want: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 },
      { input: 'set env deployment/web A=1 B=two', want: 'deployment.apps/web env updated\n' },
      { input: 'set env deployment/web --list', want: '# Deployment web, container nginx\nA=1\nB=two\n' },
      { input: 'set env deployment/web A-', want: 'deployment.apps/web env updated\n' },
      { input: 'set env deployment/web A=1 A-', want: 'error: can not both modify and remove the same environment variable in the same command\n', code: 1 },
      { input: 'set env deployment/web 1A=1', want: `error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`, code: 1 },
      { input: 'set env deployment/web A=1 -c foo', want: 'Warning: Deployment/web does not have any containers matching "foo"\n' },
      { input: 'set env deployment/web --from=secret/s --prefix=P_', want: 'deployment.apps/web env updated\n' },
      { input: 'set env deployment/web --list', want: '# Deployment web, container nginx\nB=two\n# P_B_KEY from secret s, key b.key\n# P_DB_USER from secret s, key db-user\n' },
      { input: 'set env deployment/web B=3 --overwrite=false', want: "error: 'B' already has a value (two), and --overwrite is false\n", code: 1 },
      { input: 'set env deployment/web --from=pod/x', want: 'error: unsupported resource specified in --from\n', code: 1 },
      { input: 'set env deployment/web --keys=a', want: 'error: when specifying --keys, a configmap or secret must be provided with --from\n', code: 1 },
      { input: 'set resources deployment/web --limits=cpu=0.5,memory=512Mi --requests=cpu=100m', want: 'deployment.apps/web resource requirements updated\n' },
      { input: jp('.spec.template.spec.containers[0].resources'), want: '{"limits":{"cpu":"500m","memory":"512Mi"},"requests":{"cpu":"100m"}}' },
      { input: 'set resources deployment/web', want: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n', code: 1 },
      { input: 'set resources deployment/web --limits=cpu=1 -c foo', want: 'error: unable to find container named foo\n', code: 1 },
      { input: 'set resources deployment/web --limits=cpu', want: 'error: Invalid argument syntax cpu, expected <resource>=<value>\n', code: 1 },
      { input: 'set resources deployment/web --limits=cpu=x', want: "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n", code: 1 },
      { input: 'set image deployment/web nginx=x -o name', want: 'deployment.apps/web\n' },
    ];
    for (const r of rows) {
      const got = await h.run(r.input);
      expect({ input: r.input, ...got }).toEqual({ input: r.input, out: r.want, code: r.code ?? 0 });
    }
  });
});

describe('set helpers', () => {
  it('keyToEnvName', () => {
    const rows = [
      { input: 'db-user', want: 'DB_USER' },
      { input: 'b.key', want: 'B_KEY' },
      { input: 'ALREADY_OK', want: 'ALREADY_OK' },
      { input: 'a b/c', want: 'A_B_C' },
    ];
    for (const r of rows) expect(keyToEnvName(r.input)).toBe(r.want);
  });
  it('parseEnv', () => {
    expect(parseEnv(['A=1', 'B=x=y', 'C-', 'D='])).toEqual({ set: [{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }, { name: 'D', value: '' }], remove: ['C'] });
  });
  it('parseResourceList', () => {
    const rows = [
      { input: 'cpu=2', want: { cpu: '2' } },
      { input: 'cpu=0.5,memory=1Gi', want: { cpu: '500m', memory: '1Gi' } },
      { input: '', want: {} },
    ];
    for (const r of rows) expect(parseResourceList(r.input)).toEqual(r.want);
  });
});
