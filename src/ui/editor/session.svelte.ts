// The editor's documents: session files and live objects open in tabs, their debounced saving,
// Apply, and the browser's `kubectl edit`. Holds no Monaco object, so it is testable in Node.
import type { ObjectRef } from '../../worker/protocol';

/** The part of the worker API the editor uses (a comlink Remote satisfies it). */
export interface EditorApi {
  listFiles(): Promise<string[]>;
  readFile(path: string): Promise<string | undefined>;
  writeFile(path: string, text: string): Promise<void>;
  removeFile(path: string): Promise<void>;
  inspect(ref: ObjectRef, what: 'yaml'): Promise<string>;
  saveEdited(yaml: string): Promise<{ ok: true; message: string } | { ok: false; message: string }>;
}

export interface OpenDoc {
  /** `file:NAME` or `live:Kind/namespace/name`. */
  id: string;
  type: 'file' | 'live';
  /** The tab's label. */
  title: string;
  /** The session file's name (files only). */
  path?: string;
  /** The edited object (live objects only). */
  ref?: ObjectRef;
  /** The current text, as typed or as last loaded. */
  text: string;
  /** Live objects: edited since loaded. Files: a write is pending. */
  dirty: boolean;
}

export interface Notice {
  ok: boolean;
  text: string;
}

/** Quotes a file name for the shell only when it needs it (`kubectl apply -f 'my file.yaml'`). */
export function shellArg(name: string): string {
  return /^[\w./@%+=:,-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

export function liveId(ref: ObjectRef): string {
  return `live:${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export class EditorSession {
  files = $state.raw<string[]>([]);
  docs = $state.raw<OpenDoc[]>([]);
  activeId = $state<string | undefined>(undefined);
  /** The outcome of the latest save, apply or load, shown under the tabs. */
  notice = $state.raw<Notice | undefined>(undefined);

  private timers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * @param run types a command into the active terminal (Playground.runInTerminal)
   * @param writeDelayMs debounce of file writes while typing
   */
  constructor(
    private readonly api: EditorApi,
    private readonly run: (command: string) => Promise<number>,
    private readonly writeDelayMs = 300,
  ) {}

  get active(): OpenDoc | undefined {
    return this.docs.find((d) => d.id === this.activeId);
  }

  /** Re-reads the file list, and reloads open files changed elsewhere (the terminal's `cat >`). */
  async refreshFiles(): Promise<void> {
    try {
      this.files = [...(await this.api.listFiles())].sort();
    } catch {
      return; // the worker has no session yet (still booting): the next refresh will list them
    }
    for (const doc of this.docs) {
      if (doc.type !== 'file' || doc.dirty || !doc.path) continue;
      if (!this.files.includes(doc.path)) continue;
      const text = await this.api.readFile(doc.path);
      if (text !== undefined && text !== this.find(doc.id)?.text) this.update(doc.id, { text });
    }
  }

  async openFile(path: string): Promise<void> {
    const id = `file:${path}`;
    if (!this.find(id)) {
      const text = (await this.api.readFile(path)) ?? '';
      if (!this.find(id)) this.docs = [...this.docs, { id, type: 'file', title: path, path, text, dirty: false }];
    }
    this.activeId = id;
  }

  /** Opens an object as YAML in its own tab (the browser's `kubectl edit`), reloading it if open. */
  async openLive(ref: ObjectRef): Promise<void> {
    const id = liveId(ref);
    let text: string;
    try {
      text = await this.api.inspect(ref, 'yaml');
    } catch (e) {
      this.notice = { ok: false, text: e instanceof Error ? e.message : String(e) };
      return;
    }
    const title = `${ref.kind.toLowerCase()}/${ref.name}`;
    if (this.find(id)) this.update(id, { text, dirty: false });
    else this.docs = [...this.docs, { id, type: 'live', title, ref, text, dirty: false }];
    this.activeId = id;
    this.notice = { ok: true, text: `Editing ${title}${ref.namespace ? ` in ${ref.namespace}` : ''}: save applies it` };
  }

  /** The user typed: files are written after a pause, live objects wait for save. */
  edit(id: string, text: string): void {
    const doc = this.find(id);
    if (!doc || doc.text === text) return;
    this.update(id, { text, dirty: true });
    if (doc.type === 'file') {
      clearTimeout(this.timers.get(id));
      this.timers.set(id, setTimeout(() => void this.flush(id), this.writeDelayMs));
    }
  }

  /** Writes a file's pending text now. */
  async flush(id: string): Promise<void> {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const doc = this.find(id);
    if (!doc || doc.type !== 'file' || !doc.path || !doc.dirty) return;
    const text = doc.text;
    try {
      await this.api.writeFile(doc.path, text);
      // Still the text we wrote: nothing typed meanwhile.
      if (this.find(id)?.text === text) this.update(id, { dirty: false });
    } catch (e) {
      this.notice = { ok: false, text: `Could not save ${doc.path}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Writes every pending file (before the page hides). */
  async flushAll(): Promise<void> {
    await Promise.all(this.docs.map((d) => this.flush(d.id)));
  }

  /**
   * Ctrl/Cmd-S and the Apply button. A file is written, then `kubectl apply -f NAME` runs in the
   * terminal so the user sees it; a live object is saved through the API, its result shown here.
   */
  async apply(id = this.activeId): Promise<void> {
    const doc = id ? this.find(id) : undefined;
    if (!doc) return;
    if (doc.type === 'live') return this.saveLive(doc);
    if (!doc.path) return;
    await this.flush(doc.id);
    const code = await this.run(`kubectl apply -f ${shellArg(doc.path)}`);
    this.notice = code === 127 ? { ok: false, text: 'No terminal is open to run kubectl apply in.' } : undefined;
  }

  private async saveLive(doc: OpenDoc): Promise<void> {
    const result = await this.api.saveEdited(doc.text);
    this.notice = { ok: result.ok, text: result.message };
    // Saved: reload the object (new resourceVersion) so the next save is not a conflict.
    // Refused (conflict, invalid): keep the user's text in the tab.
    if (result.ok && doc.ref) await this.reloadLive(doc.id, doc.ref);
  }

  private async reloadLive(id: string, ref: ObjectRef): Promise<void> {
    try {
      const text = await this.api.inspect(ref, 'yaml');
      this.update(id, { text, dirty: false });
    } catch {
      this.update(id, { dirty: false }); // deleted meanwhile: the saved text stays visible
    }
  }

  /** Creates an empty file (or opens it if it exists). False when the name is unusable. */
  async createFile(name: string): Promise<boolean> {
    const path = name.trim();
    if (!path || path.includes('/') || path === '.' || path === '..') {
      this.notice = { ok: false, text: `Not a file name: "${name}"` };
      return false;
    }
    if (!this.files.includes(path)) {
      await this.api.writeFile(path, '');
      await this.refreshFiles();
    }
    await this.openFile(path);
    return true;
  }

  /** Deletes a session file (the caller asked for confirmation) and closes its tab. */
  async removeFile(path: string): Promise<void> {
    const id = `file:${path}`;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.update(id, { dirty: false }); // nothing pending may write it back
    await this.api.removeFile(path);
    this.close(id);
    await this.refreshFiles();
  }

  close(id: string): void {
    const i = this.docs.findIndex((d) => d.id === id);
    if (i < 0) return;
    const doc = this.docs[i];
    if (doc.type === 'file' && doc.dirty && doc.path) {
      // Closing does not lose typing: write what is pending now.
      clearTimeout(this.timers.get(id));
      this.timers.delete(id);
      const path = doc.path;
      this.api.writeFile(path, doc.text).catch((e: unknown) => {
        this.notice = { ok: false, text: `Could not save ${path}: ${e instanceof Error ? e.message : String(e)}` };
      });
    }
    this.docs = this.docs.filter((d) => d.id !== id);
    if (this.activeId === id) this.activeId = (this.docs[i] ?? this.docs[i - 1])?.id;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private find(id: string): OpenDoc | undefined {
    return this.docs.find((d) => d.id === id);
  }

  private update(id: string, patch: Partial<OpenDoc>): void {
    this.docs = this.docs.map((d) => (d.id === id ? { ...d, ...patch } : d));
  }
}
