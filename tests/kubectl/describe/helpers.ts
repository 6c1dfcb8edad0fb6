// Shared helpers for describe tests: a raw PrefixWriter (no tabwriter, as upstream's unit tests
// use a bytes.Buffer) and a `lines` joiner for golden texts.
import type { PrefixWriter } from '../../../src/kubectl/describe/writer';

/** Collects exactly what is written, indentation included, without alignment. */
export class RawWriter implements PrefixWriter {
  out = '';
  write(level: number, text: string): void {
    this.out += '  '.repeat(level) + text;
  }
  writeLine(...a: Array<string | number | boolean>): void {
    this.out += a.map(String).join(' ') + '\n';
  }
  flush(): void {}
}

/** Golden text: the lines joined by newlines, with a final newline. */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}
