import { describe, expect, it } from 'vitest';
import { parseScript, splitWords, ScriptError } from '../../src/headless/script';

describe('session script parsing', () => {
  it.each([
    { line: `kubectl get pods`, want: ['kubectl', 'get', 'pods'] },
    { line: `kubectl get pods -o jsonpath='{.items[*].metadata.name}'`, want: ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'] },
    { line: `kubectl annotate pod x note="a b \\"c\\""`, want: ['kubectl', 'annotate', 'pod', 'x', 'note=a b "c"'] },
    { line: `kubectl label pod x a\\ b=c`, want: ['kubectl', 'label', 'pod', 'x', 'a b=c'] },
    { line: `kubectl get pods # a comment`, want: ['kubectl', 'get', 'pods'] },
    { line: `kubectl get pods a#b`, want: ['kubectl', 'get', 'pods', 'a#b'] },
    { line: `kubectl patch x -p ''`, want: ['kubectl', 'patch', 'x', '-p', ''] },
  ])('splits $line', ({ line, want }) => {
    expect(splitWords(line, 1).argv).toEqual(want);
  });

  it('reads heredocs, redirections and continuations', () => {
    const steps = parseScript(
      [
        '# setup',
        'cat > web.yaml <<EOF',
        'kind: x',
        'EOF',
        '',
        'kubectl apply -f - <<\'END\'',
        'a: $NOT_EXPANDED',
        'END',
        'kubectl get \\',
        '  pods',
        'sleep 30s',
      ].join('\n'),
    );
    expect(steps.map((s) => s.argv)).toEqual([['cat'], ['kubectl', 'apply', '-f', '-'], ['kubectl', 'get', 'pods'], ['sleep', '30s']]);
    expect(steps[0]).toMatchObject({ redirect: { path: 'web.yaml', append: false }, stdin: 'kind: x\n', line: 2, echo: 'cat > web.yaml <<EOF' });
    expect(steps[1].stdin).toBe('a: $NOT_EXPANDED\n');
    expect(steps[2].echo).toBe('kubectl get \\');
  });

  it('refuses a script it cannot read', () => {
    expect(() => parseScript('kubectl get "pods')).toThrow(ScriptError);
    expect(() => parseScript('cat > x <<EOF\nno end')).toThrow(/here-document/);
  });

  it('splits pipelines on unquoted |', () => {
    expect(splitWords(`kubectl get pods | grep web | head -1`, 1)).toMatchObject({ argv: ['kubectl', 'get', 'pods'], pipes: [['grep', 'web'], ['head', '-1']] });
    expect(splitWords(`kubectl get pods -l 'a in (x|y)'`, 1).pipes).toBeUndefined();
  });
});
