// The line editor with the shell: Enter, output, continuation prompts, multi-line paste, Ctrl-C,
// commands typed by other components (runInTerminal), and output that arrives at the prompt.
import { describe, expect, it } from 'vitest';
import type { ShellReply } from '../../../src/worker/protocol';
import { deferred, harness } from './fake-shell';

describe('running a line', () => {
  it('Enter sends the line; output has \\n made \\r\\n; a new prompt follows', async () => {
    const h = harness();
    h.shell.respond = (_line, out) => {
      out('NAME     STATUS\nnode-1   Ready\n');
      return { kind: 'done', code: 0 };
    };
    await h.type('kubectl get nodes\r');
    expect(h.shell.inputs).toEqual(['kubectl get nodes']);
    expect(h.writes.join('')).toContain('NAME     STATUS\r\nnode-1   Ready\r\n');
    expect(h.screen.text()).toBe('$ kubectl get nodes\nNAME     STATUS\nnode-1   Ready\n$');
    expect(h.editor.line).toBe('');
  });

  it('output without a final newline still gets the prompt on its own line', async () => {
    const h = harness();
    h.shell.respond = (_l, out) => (out('no newline'), { kind: 'done', code: 1 });
    await h.type('echo -n x\r');
    expect(h.screen.text()).toBe('$ echo -n x\nno newline\n$');
  });

  it('a blank line just re-prompts, without bothering the shell', async () => {
    const h = harness();
    await h.type('\r  \r');
    expect(h.shell.inputs).toEqual([]);
    expect(h.screen.text()).toBe('$\n$\n$');
  });

  it('`clear` clears the screen', async () => {
    const h = harness();
    await h.type('ls\r');
    h.shell.respond = () => ({ kind: 'clear' });
    await h.type('clear\r');
    expect(h.writes.join('')).toContain('\x1b[H\x1b[2J\x1b[3J');
    expect(h.screen.text()).toBe('$');
    expect([h.screen.row, h.screen.col]).toEqual([0, 2]);
  });

  it('escape sequences in output are neutralised, colours kept', async () => {
    const h = harness();
    h.shell.respond = (_l, out) => (out('\x1b]0;pwned\x07\x1b[32mok\x1b[0m\x1b[6n\n'), { kind: 'done', code: 0 });
    await h.type('x\r');
    const all = h.writes.join('');
    expect(all).toContain('\x1b[32mok\x1b[0m\r\n');
    expect(all).not.toContain('pwned');
    expect(all).not.toContain('\x1b[6n');
  });

  it('keys typed while a command runs wait and apply after it (type-ahead)', async () => {
    const h = harness();
    const cmd = deferred<ShellReply>();
    h.shell.respond = () => cmd.promise;
    h.editor.feed('sleep 5\r');
    h.editor.feed('kubectl');
    await Promise.resolve();
    expect(h.editor.isRunning).toBe(true);
    expect(h.editor.line).toBe('');
    cmd.resolve({ kind: 'done', code: 0 });
    await h.editor.settled();
    expect(h.editor.line).toBe('kubectl');
    expect(h.screen.text()).toBe('$ sleep 5\n$ kubectl');
  });

  it('a shell that fails says so and gives the prompt back', async () => {
    const h = harness();
    h.shell.respond = () => Promise.reject(new Error('worker crashed'));
    await h.type('ls\r');
    expect(h.screen.text()).toBe('$ ls\nkubeplay: the shell failed: worker crashed\n$');
    expect(h.editor.isIdle).toBe(true);
  });
});

describe('continuation and paste', () => {
  const heredoc = ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Pod', 'EOF', 'kubectl get pods'];

  for (const [name, sep] of [['CR (what xterm sends)', '\r'], ['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`a pasted heredoc (${name} line ends) is submitted line by line in order`, async () => {
      const h = harness();
      await h.type(heredoc.join(sep) + sep);
      expect(h.shell.inputs).toEqual(heredoc);
      expect(h.screen.text()).toBe(
        ['$ kubectl apply -f - <<EOF', '> apiVersion: v1', '> kind: Pod', '> EOF', 'applied', '$ kubectl get pods', 'ran: kubectl get pods', '$'].join('\n'),
      );
    });
  }

  it('a paste without a final newline leaves the last line to edit', async () => {
    const h = harness();
    await h.type('cat <<EOF\rhello\rEOF');
    expect(h.shell.inputs).toEqual(['cat <<EOF', 'hello']);
    expect(h.editor.line).toBe('EOF');
    expect(h.screen.text().split('\n').at(-1)).toBe('> EOF');
  });

  it('a blank line inside a heredoc is sent', async () => {
    const h = harness();
    await h.type('cat <<EOF\r\rEOF\r');
    expect(h.shell.inputs).toEqual(['cat <<EOF', '', 'EOF']);
  });

  it('is not idle in the middle of a heredoc', async () => {
    const h = harness();
    await h.type('cat <<EOF\r');
    expect(h.editor.isIdle).toBe(false);
  });
});

describe('Ctrl-C', () => {
  it('while a command runs: interrupts it in the shell and shows ^C', async () => {
    const h = harness();
    const cmd = deferred<ShellReply>();
    h.shell.respond = (_l, out) => (out('NAME   DESIRED\n'), cmd.promise);
    h.editor.feed('kubectl get rs -w\r');
    await Promise.resolve();
    h.editor.feed('\x03');
    expect(h.shell.interrupts).toBe(1);
    cmd.resolve({ kind: 'done', code: 130 });
    await h.editor.settled();
    expect(h.screen.text()).toBe('$ kubectl get rs -w\nNAME   DESIRED\n^C\n$');
  });

  it('while a command runs: drops the type-ahead', async () => {
    const h = harness();
    const cmd = deferred<ShellReply>();
    h.shell.respond = () => cmd.promise;
    h.editor.feed('sleep 9\r');
    h.editor.feed('rm -rf');
    h.editor.feed('\x03');
    cmd.resolve({ kind: 'done', code: 130 });
    await h.editor.settled();
    expect(h.editor.line).toBe('');
    expect(h.shell.inputs).toEqual(['sleep 9']);
  });

  it('at the prompt: abandons the line without calling the shell', async () => {
    const h = harness();
    await h.type('kubectl delete\x01\x03');
    expect(h.shell.interrupts).toBe(0);
    expect(h.shell.inputs).toEqual([]);
    expect(h.screen.text()).toBe('$ kubectl delete^C\n$');
    expect(h.editor.line).toBe('');
  });

  it('in a half-typed heredoc: drops it in the shell too and returns to the $ prompt', async () => {
    const h = harness();
    await h.type('cat <<EOF\rline one\rline\x03');
    expect(h.shell.interrupts).toBe(1);
    expect(h.screen.text()).toBe('$ cat <<EOF\n> line one\n> line^C\n$');
    await h.type('ls\r');
    expect(h.shell.inputs.at(-1)).toBe('ls');
    expect(h.screen.text().split('\n').slice(-2)).toEqual(['ran: ls', '$']);
  });
});

describe('commands from other components (runInTerminal)', () => {
  it('are typed visibly, run, and resolve with the exit code', async () => {
    const h = harness();
    h.shell.respond = (line, out) => (out(`ran: ${line}\n`), { kind: 'done', code: 3 });
    const code = await h.editor.run('kubectl apply -f web.yaml');
    expect(code).toBe(3);
    expect(h.screen.text()).toBe('$ kubectl apply -f web.yaml\nran: kubectl apply -f web.yaml\n$');
    expect(h.history.entries).toEqual(['kubectl apply -f web.yaml']);
  });

  it('put back what the user had half typed', async () => {
    const h = harness();
    await h.type('kubectl get\x1b[D');
    await h.editor.run('ls');
    expect(h.shell.inputs).toEqual(['ls']);
    expect({ line: h.editor.line, cursor: h.editor.cursor }).toEqual({ line: 'kubectl get', cursor: 10 });
    expect(h.screen.text().split('\n')).toEqual(['$ ls', 'ran: ls', '$ kubectl get']);
  });

  it('wait for a running command to finish', async () => {
    const h = harness();
    const cmd = deferred<ShellReply>();
    h.shell.respond = (line) => (line === 'slow' ? cmd.promise : { kind: 'done', code: 0 });
    h.editor.feed('slow\r');
    const run = h.editor.run('kubectl get pods');
    await Promise.resolve();
    expect(h.shell.inputs).toEqual(['slow']);
    cmd.resolve({ kind: 'done', code: 0 });
    expect(await run).toBe(0);
    expect(h.shell.inputs).toEqual(['slow', 'kubectl get pods']);
  });

  it('may span several lines (a heredoc)', async () => {
    const h = harness();
    expect(await h.editor.run('cat <<EOF\nhello\nEOF\n')).toBe(0);
    expect(h.shell.inputs).toEqual(['cat <<EOF', 'hello', 'EOF']);
  });

  it('an incomplete one is abandoned (code 2), not left hanging', async () => {
    const h = harness();
    expect(await h.editor.run('cat <<EOF')).toBe(2);
    expect(h.shell.interrupts).toBe(1);
    await h.editor.settled();
    expect(h.editor.isIdle).toBe(true);
  });

  it('Ctrl-C stops one and it resolves with the shell\'s code', async () => {
    const h = harness();
    const cmd = deferred<ShellReply>();
    h.shell.respond = () => cmd.promise;
    const run = h.editor.run('kubectl rollout status deploy/web');
    await Promise.resolve();
    h.editor.feed('\x03');
    cmd.resolve({ kind: 'done', code: 130 });
    expect(await run).toBe(130);
  });
});

describe('output at the prompt', () => {
  it('a late line goes above the prompt, which is redrawn with the half-typed line', async () => {
    const h = harness();
    await h.type('kubectl get');
    h.editor.output('rs/web   3   3   3\n');
    expect(h.screen.text()).toBe('rs/web   3   3   3\n$ kubectl get');
    expect([h.screen.row, h.screen.col]).toEqual([1, 13]);
  });
});

describe('kept answers', () => {
  it('a kept line prints its answer and the next prompt within the key press, without the shell', () => {
    const h = harness();
    h.shell.keptAnswers.set('kubectl get deploy', { text: 'NAME   READY\nweb    2/2\n', code: 0 });
    h.editor.feed('kubectl get deploy\r');
    // Synchronously: nothing awaited.
    expect(h.screen.text()).toBe('$ kubectl get deploy\nNAME   READY\nweb    2/2\n$');
    expect(h.shell.inputs).toEqual([]);
    expect(h.shell.answered).toEqual(['kubectl get deploy']);
  });

  it('inside a heredoc the same words go to the shell as data', async () => {
    const h = harness();
    h.shell.keptAnswers.set('kubectl get deploy', { text: 'kept\n', code: 0 });
    await h.type('cat > notes.txt <<EOF\rkubectl get deploy\rEOF\r');
    expect(h.shell.inputs).toEqual(['cat > notes.txt <<EOF', 'kubectl get deploy', 'EOF']);
    expect(h.shell.answered).toEqual([]);
  });

  it('a command typed by another component gets the kept exit code', async () => {
    const h = harness();
    h.shell.keptAnswers.set('kubectl get deploy nope', { text: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
    expect(await h.editor.run('kubectl get deploy nope')).toBe(1);
    expect(h.screen.text()).toBe('$ kubectl get deploy nope\nError from server (NotFound): deployments.apps "nope" not found\n$');
  });
});
