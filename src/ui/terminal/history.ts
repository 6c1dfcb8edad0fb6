// Command history shared by every terminal tab (as the worker's `history()` is), plus a per-tab
// cursor for Up/Down. Loaded once from the worker; commands typed since are appended locally.

export class History {
  private loaded: string[] = [];
  private added: string[] = [];

  /** Puts the saved history before anything typed since the page opened (the load is async). */
  load(entries: readonly string[]): void {
    this.loaded = entries.filter((e) => e.trim() !== '');
  }

  /** Records a command; blank lines and an immediate repeat are not recorded (bash's ignoredups). */
  add(line: string): void {
    if (line.trim() === '') return;
    const all = this.entries;
    if (all[all.length - 1] === line) return;
    this.added.push(line);
  }

  get entries(): string[] {
    return this.loaded.length ? [...this.loaded, ...this.added] : this.added;
  }
}

/** One tab's position in the history while browsing with Up/Down; remembers the line being typed. */
export class HistoryCursor {
  /** Offset from the newest entry: 0 = the line being typed, 1 = the last command, ... */
  private back = 0;
  private draft = '';

  constructor(private readonly history: History) {}

  /** The older entry, or undefined at the oldest. `current` is saved when leaving the draft. */
  up(current: string): string | undefined {
    const all = this.history.entries;
    if (this.back >= all.length) return undefined;
    if (this.back === 0) this.draft = current;
    this.back++;
    return all[all.length - this.back];
  }

  /** The newer entry, the saved draft after the newest, or undefined when already on the draft. */
  down(): string | undefined {
    if (this.back === 0) return undefined;
    this.back--;
    if (this.back === 0) return this.draft;
    const all = this.history.entries;
    return all[all.length - this.back];
  }

  /** Back to the line being typed (after Enter or Ctrl-C). */
  reset(): void {
    this.back = 0;
    this.draft = '';
  }
}
