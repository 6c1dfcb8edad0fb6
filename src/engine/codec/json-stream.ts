// Reads a stream of JSON documents as kubectl's YAMLOrJSONDecoder does when a file starts with `{`,
// with Go encoding/json's error texts (`json: offset N: invalid character ...`, `unexpected EOF`).

class JsonSyntax extends Error {}

/** Go's quoteChar: the offending character as Go prints it inside the message. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class Reader {
  i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i])) this.i++;
  }
  private fail(context: string): never {
    if (this.i >= this.s.length) throw new JsonSyntax('unexpected EOF');
    // Go reports the byte offset just after the offending character.
    const offset = utf8Bytes(this.s.slice(0, this.i)) + 1;
    throw new JsonSyntax(`json: offset ${offset}: invalid character ${quoteChar(this.s[this.i])} ${context}`);
  }

  done(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  value(depth: number): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(this.s.slice(this.i, this.i + 400));
    if (!m) this.fail('looking for beginning of value');
    this.i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    if (m[0] === 'null') return null;
    return Number(m[0]);
  }

  private string(): string {
    const m = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(this.s.slice(this.i));
    if (!m) {
      let j = this.i + 1;
      while (j < this.s.length && this.s[j] !== '"') j += this.s[j] === '\\' ? 2 : 1;
      if (j >= this.s.length) {
        this.i = this.s.length;
        this.fail('');
      }
      this.i = j;
      this.fail('in string literal');
    }
    this.i += m[0].length;
    return JSON.parse(m[0]) as string;
  }

  private object(depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      out[k] = this.value(depth + 1);
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      this.fail('after object key:value pair');
    }
  }

  private array(depth: number): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      this.fail('after array element');
    }
  }
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Parses whitespace-separated JSON documents; `null` documents are skipped like empty ones. */
export function parseJsonStream(text: string): { ok: true; docs: unknown[] } | { ok: false; error: string } {
  const r = new Reader(text);
  const docs: unknown[] = [];
  try {
    while (!r.done()) {
      const v = r.value(0);
      if (v !== null) docs.push(v);
    }
  } catch (e) {
    if (e instanceof JsonSyntax) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, docs };
}
