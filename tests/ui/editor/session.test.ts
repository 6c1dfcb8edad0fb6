// The editor's documents as the user drives them: files written as they type, Apply running
// `kubectl apply -f` in the terminal, live objects saved with conflicts shown and kept.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorSession, shellArg, type EditorApi } from '../../../src/ui/editor/session.svelte';
import { liveEdits, openLiveObject } from '../../../src/ui/editor/edit-live.svelte';
import type { ObjectRef } from '../../../src/worker/protocol';

/** An in-memory worker: session files plus one live object with a resourceVersion. */
function fakeApi() {
  const files = new Map<string, string>([['web.yaml', 'kind: Deployment\n']]);
  let rv = 1;
  const api = {
    files,
    writes: [] as [string, string][],
    saved: [] as string[],
    listFiles: vi.fn(async () => [...files.keys()]),
    readFile: vi.fn(async (p: string) => files.get(p)),
    writeFile: vi.fn(async (p: string, t: string) => {
      files.set(p, t);
      api.writes.push([p, t]);
    }),
    removeFile: vi.fn(async (p: string) => void files.delete(p)),
    inspect: vi.fn(async (ref: ObjectRef) => `kind: ${ref.kind}\nmetadata:\n  name: ${ref.name}\n  resourceVersion: "${rv}"\n`),
    saveEdited: vi.fn(async (yaml: string): Promise<{ ok: true; message: string } | { ok: false; message: string }> => {
      api.saved.push(yaml);
      if (!yaml.includes(`resourceVersion: "${rv}"`)) {
        return { ok: false, message: 'error: deployments.apps "web" could not be patched: the object has been modified; please apply your changes to the latest version and try again' };
      }
      rv++;
      return { ok: true, message: 'deployment.apps/web edited' };
    }),
    bump: () => rv++,
  };
  return api satisfies EditorApi & Record<string, unknown>;
}

describe('EditorSession', () => {
  let api: ReturnType<typeof fakeApi>;
  let commands: string[];
  let session: EditorSession;
  beforeEach(() => {
    vi.useFakeTimers();
    api = fakeApi();
    commands = [];
    session = new EditorSession(api, async (c) => (commands.push(c), 0), 300);
  });
  afterEach(() => {
    session.dispose();
    vi.useRealTimers();
  });

  it('lists the session files and opens one in a tab', async () => {
    await session.refreshFiles();
    expect(session.files).toEqual(['web.yaml']);
    await session.openFile('web.yaml');
    expect(session.active).toMatchObject({ title: 'web.yaml', text: 'kind: Deployment\n', dirty: false });
  });

  it('writes the file once typing pauses, so the terminal sees it', async () => {
    await session.openFile('web.yaml');
    session.edit('file:web.yaml', 'kind: Deploy');
    session.edit('file:web.yaml', 'kind: Deployment\nmetadata: {}\n');
    expect(session.active?.dirty).toBe(true);
    expect(api.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(api.writes).toEqual([['web.yaml', 'kind: Deployment\nmetadata: {}\n']]);
    expect(session.active?.dirty).toBe(false);
  });

  it('Apply writes pending text first, then runs kubectl apply -f in the terminal', async () => {
    await session.openFile('web.yaml');
    session.edit('file:web.yaml', 'kind: Service\n');
    await session.apply();
    expect(api.files.get('web.yaml')).toBe('kind: Service\n');
    expect(commands).toEqual(['kubectl apply -f web.yaml']);
    expect(session.notice).toBeUndefined();
  });

  it('says so when no terminal can run the command', async () => {
    session = new EditorSession(api, async () => 127);
    await session.openFile('web.yaml');
    await session.apply();
    expect(session.notice).toEqual({ ok: false, text: 'No terminal is open to run kubectl apply in.' });
  });

  it('quotes file names only when the shell needs it', () => {
    expect(shellArg('web.yaml')).toBe('web.yaml');
    expect(shellArg('my app.yaml')).toBe("'my app.yaml'");
    expect(shellArg("it's.yaml")).toBe(`'it'\\''s.yaml'`);
  });

  it('reloads an open file changed in the terminal, but not one with unsaved typing', async () => {
    await session.openFile('web.yaml');
    api.files.set('web.yaml', 'kind: Pod\n');
    await session.refreshFiles();
    expect(session.active?.text).toBe('kind: Pod\n');
    session.edit('file:web.yaml', 'kind: Job\n');
    api.files.set('web.yaml', 'kind: CronJob\n');
    await session.refreshFiles();
    expect(session.active?.text).toBe('kind: Job\n');
  });

  it('creates files, refuses bad names, and deletes without writing pending text back', async () => {
    expect(await session.createFile('svc.yaml')).toBe(true);
    expect(session.files).toEqual(['svc.yaml', 'web.yaml']);
    expect(session.active?.title).toBe('svc.yaml');
    expect(await session.createFile('a/b.yaml')).toBe(false);
    expect(session.notice?.ok).toBe(false);
    session.edit('file:svc.yaml', 'x: 1\n');
    await session.removeFile('svc.yaml');
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.files.has('svc.yaml')).toBe(false);
    expect(session.docs.map((d) => d.id)).toEqual([]);
    expect(session.files).toEqual(['web.yaml']);
  });

  it('closing a tab writes what was typed and activates a neighbour', async () => {
    await session.createFile('a.yaml');
    await session.openFile('web.yaml');
    session.edit('file:web.yaml', 'kind: Secret\n');
    session.close('file:web.yaml');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.files.get('web.yaml')).toBe('kind: Secret\n');
    expect(session.activeId).toBe('file:a.yaml');
  });

  it('edits a live object: saving applies it and reloads the new version', async () => {
    const ref = { kind: 'Deployment', namespace: 'default', name: 'web' };
    await session.openLive(ref);
    expect(session.active).toMatchObject({ type: 'live', title: 'deployment/web' });
    expect(api.inspect).toHaveBeenCalledWith(ref, 'yaml');
    session.edit(session.activeId as string, (session.active?.text ?? '') + 'spec: {replicas: 3}\n');
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saved).toEqual([]); // live objects are saved only on request
    await session.apply();
    expect(api.saved).toHaveLength(1);
    expect(session.notice).toEqual({ ok: true, text: 'deployment.apps/web edited' });
    expect(session.active?.text).toContain('resourceVersion: "2"');
    expect(session.active?.dirty).toBe(false);
    expect(commands).toEqual([]);
  });

  it('shows a conflict and keeps the edited text in its tab', async () => {
    const ref = { kind: 'Deployment', namespace: 'default', name: 'web' };
    await session.openLive(ref);
    const edited = (session.active?.text ?? '') + 'spec: {replicas: 5}\n';
    session.edit(session.activeId as string, edited);
    api.bump(); // someone else changed it meanwhile
    await session.apply();
    expect(session.notice?.ok).toBe(false);
    expect(session.notice?.text).toContain('the object has been modified');
    expect(session.active).toMatchObject({ type: 'live', text: edited, dirty: true });
  });

  it('reports an object that cannot be loaded', async () => {
    api.inspect.mockRejectedValueOnce(new Error('Error from server (NotFound): pods "x" not found'));
    await session.openLive({ kind: 'Pod', namespace: 'default', name: 'x' });
    expect(session.docs).toEqual([]);
    expect(session.notice).toEqual({ ok: false, text: 'Error from server (NotFound): pods "x" not found' });
  });
});

describe('openLiveObject', () => {
  it('leaves one pending request for the editor to take', () => {
    openLiveObject({ kind: 'Pod', namespace: 'default', name: 'a' });
    openLiveObject({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(liveEdits.pending).toEqual({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(liveEdits.take()).toEqual({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(liveEdits.pending).toBeUndefined();
  });
});
