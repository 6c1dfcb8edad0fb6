// Parser for the container shell: turns tokens into a small AST of lists, and-or chains,
// pipelines and compound commands (if, while/until, for, case-free groups and subshells).

import { tokenize, ShellSyntaxError } from './lexer';
import type { Token } from './lexer';

export interface Redir {
  op: '>' | '>>' | '<' | '>&' | '<&';
  /** 0 stdin, 1 stdout, 2 stderr, 3 both (`&>`). */
  fd: number;
  target: string;
}

export type Command =
  | { type: 'simple'; assigns: string[]; words: string[]; redirs: Redir[] }
  | { type: 'if'; branches: { cond: List; body: List }[]; orElse?: List; redirs: Redir[] }
  | { type: 'while'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { type: 'for'; name: string; items?: string[]; body: List; redirs: Redir[] }
  | { type: 'group'; subshell: boolean; body: List; redirs: Redir[] };

export interface Pipeline {
  negate: boolean;
  cmds: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
  background: boolean;
}

export type List = AndOr[];

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'do', 'done', 'for', 'in', '{', '}', '!']);

class Parser {
  private i = 0;
  constructor(private toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private isWord(v?: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && (v === undefined || t.v === v);
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  private unexpected(): never {
    const t = this.peek();
    const what = t === undefined ? 'end of file' : t.v === '\n' ? 'newline' : `"${t.v}"`;
    throw new ShellSyntaxError(`syntax error: unexpected ${what}`);
  }

  private expectWord(v: string): void {
    this.skipNewlines();
    if (!this.isWord(v)) this.unexpected();
    this.i++;
  }

  /** A list until one of `stops` (reserved words) or `)` / end. */
  parseList(stops: string[]): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t || (t.t === 'word' && stops.includes(t.v)) || (t.t === 'op' && (t.v === ')' || t.v === ';;'))) break;
      const ao = this.parseAndOr();
      list.push(ao);
      if (this.isOp(';') || this.isOp('\n')) this.i++;
      else if (this.isOp('&')) {
        ao.background = true;
        this.i++;
      } else break;
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { v: '&&' | '||' }).v;
      this.i++;
      this.skipNewlines();
      rest.push({ op, p: this.parsePipeline() });
    }
    return { first, rest, background: false };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.isWord('!')) {
      negate = true;
      this.i++;
    }
    const cmds = [this.parseCommand()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    return { negate, cmds };
  }

  private parseRedirs(into: Redir[]): void {
    for (;;) {
      const t = this.peek();
      if (t?.t !== 'redir') return;
      this.i++;
      const target = this.peek();
      if (target?.t !== 'word') this.unexpected();
      this.i++;
      into.push({ op: t.v, fd: t.fd, target: target.v });
    }
  }

  private parseCommand(): Command {
    const t = this.peek();
    if (!t) this.unexpected();
    if (t.t === 'op' && t.v === '(') {
      this.i++;
      const body = this.parseList([]);
      if (!this.isOp(')')) this.unexpected();
      this.i++;
      return this.withRedirs({ type: 'group', subshell: true, body, redirs: [] });
    }
    if (t.t === 'word') {
      switch (t.v) {
        case '{': {
          this.i++;
          const body = this.parseList(['}']);
          this.expectWord('}');
          return this.withRedirs({ type: 'group', subshell: false, body, redirs: [] });
        }
        case 'if':
          return this.parseIf();
        case 'while':
        case 'until': {
          this.i++;
          const cond = this.parseList(['do']);
          this.expectWord('do');
          const body = this.parseList(['done']);
          this.expectWord('done');
          return this.withRedirs({ type: 'while', until: t.v === 'until', cond, body, redirs: [] });
        }
        case 'for':
          return this.parseFor();
        default:
          if (RESERVED.has(t.v) && t.v !== '!') this.unexpected();
      }
    }
    return this.parseSimple();
  }

  private withRedirs(c: Command): Command {
    this.parseRedirs(c.redirs);
    return c;
  }

  private parseIf(): Command {
    this.i++;
    const branches: { cond: List; body: List }[] = [];
    let orElse: List | undefined;
    for (;;) {
      const cond = this.parseList(['then']);
      this.expectWord('then');
      const body = this.parseList(['elif', 'else', 'fi']);
      branches.push({ cond, body });
      this.skipNewlines();
      if (this.isWord('elif')) {
        this.i++;
        continue;
      }
      if (this.isWord('else')) {
        this.i++;
        orElse = this.parseList(['fi']);
      }
      this.expectWord('fi');
      break;
    }
    return this.withRedirs({ type: 'if', branches, orElse, redirs: [] });
  }

  private parseFor(): Command {
    this.i++;
    const name = this.peek();
    if (name?.t !== 'word') this.unexpected();
    this.i++;
    let items: string[] | undefined;
    this.skipNewlines();
    if (this.isWord('in')) {
      this.i++;
      items = [];
      while (this.isWord()) {
        items.push((this.peek() as { v: string }).v);
        this.i++;
      }
      if (this.isOp(';') || this.isOp('\n')) this.i++;
    } else if (this.isOp(';')) this.i++;
    this.expectWord('do');
    const body = this.parseList(['done']);
    this.expectWord('done');
    return this.withRedirs({ type: 'for', name: name.v, items, body, redirs: [] });
  }

  private parseSimple(): Command {
    const assigns: string[] = [];
    const words: string[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.t === 'redir') {
        this.parseRedirs(redirs);
        continue;
      }
      if (t?.t !== 'word') break;
      // Reserved words end a simple command only in command position (`echo done` is fine).
      if (words.length === 0 && assigns.length === 0 && RESERVED.has(t.v)) break;
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.v)) assigns.push(t.v);
      else words.push(t.v);
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.unexpected();
    return { type: 'simple', assigns, words, redirs };
  }

  done(): boolean {
    this.skipNewlines();
    return this.i >= this.toks.length;
  }

  rest(): never {
    this.unexpected();
  }
}

/** Parses a whole script. Throws ShellSyntaxError (sh reports it and exits 2). */
export function parseScript(src: string): List {
  const p = new Parser(tokenize(src));
  const list = p.parseList([]);
  if (!p.done()) p.rest();
  return list;
}
