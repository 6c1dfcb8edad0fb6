// The PrefixWriter of kubectl's describe package: text written at indentation levels (two spaces
// each) into the describe tabwriter (describe.go tabbedString / NewPrefixWriter / nested writer).
import { describeWriter } from '../printers/tabwriter';
import type { TabWriter } from '../printers/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** Writes text at an indentation level; flush() ends the current aligned block. */
export interface PrefixWriter {
  /** Writes `text` prefixed by two spaces per level (the caller has already formatted it). */
  write(level: number, text: string): void;
  /** Go's fmt.Sprintln of the arguments: joined by spaces, then a newline. */
  writeLine(...a: Array<string | number | boolean>): void;
  /** Lays out what is buffered, so later lines do not change the alignment of earlier ones. */
  flush(): void;
}

/** The root writer: owns the tabwriter and collects what it lays out. */
export class RootPrefixWriter implements PrefixWriter {
  private readonly tw: TabWriter = describeWriter();
  private out = '';

  write(level: number, text: string): void {
    this.tw.write('  '.repeat(Math.max(0, level)) + text);
  }

  writeLine(...a: Array<string | number | boolean>): void {
    this.tw.write(a.map(String).join(' ') + '\n');
  }

  flush(): void {
    this.out += this.tw.flush();
  }

  /** Everything written so far, laid out. */
  result(): string {
    this.flush();
    return this.out;
  }
}

/** NewNestedPrefixWriter: adds `indent` levels to every write. */
export class NestedPrefixWriter implements PrefixWriter {
  constructor(
    private readonly inner: PrefixWriter,
    private readonly indent: number,
  ) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }

  writeLine(...a: Array<string | number | boolean>): void {
    this.inner.write(this.indent, a.map(String).join(' ') + '\n');
  }

  flush(): void {
    this.inner.flush();
  }
}

/** tabbedString: runs `fn` against a fresh writer and returns the aligned text. */
export async function tabbedString(fn: (w: PrefixWriter) => void | Promise<void>): Promise<string> {
  const w = new RootPrefixWriter();
  await fn(w);
  return w.result();
}
