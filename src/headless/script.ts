// Parses a session script (the headless runner's language, also the lessons' solutions and the
// share-link journal): `kubectl ...` with shell quoting and `\` continuations, heredocs
// (`<<EOF`, `<<'EOF'`, `<<-EOF`), `cat > NAME <<EOF`, `sleep 30s`, `node ...`, `# comments`.

export interface Step {
  /** The line number (1-based) where the command starts. */
  line: number;
  /** What the runner echoes after `$ `: the command's first physical line. */
  echo: string;
  /** The words after shell quoting (redirections and heredoc markers removed). */
  argv: string[];
  /** Heredoc body fed to the command's standard input, if any. */
  stdin?: string;
  /** `cat > NAME` / `cat >> NAME`: the file written. */
  redirect?: { path: string; append: boolean };
  /** Commands after unquoted `|`: text filters applied to the output (`head`, `tail`, `grep`, `wc -l`). */
  pipes?: string[][];
}

export class ScriptError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ScriptError';
  }
}

interface Words {
  argv: string[];
  pipes?: string[][];
  heredoc?: { delimiter: string; stripTabs: boolean };
  redirect?: { path: string; append: boolean };
}

/** Splits one logical command line into words with POSIX shell quoting rules. */
export function splitWords(text: string, line: number): Words {
  const argv: string[] = [];
  let cur = '';
  let has = false;
  let heredoc: Words['heredoc'];
  let redirect: Words['redirect'];
  let pendingRedirect: { append: boolean } | undefined;
  const segments: string[][] = [];
  const push = () => {
    if (!has) return;
    if (pendingRedirect) {
      redirect = { path: cur, append: pendingRedirect.append };
      pendingRedirect = undefined;
    } else argv.push(cur);
    cur = '';
    has = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      push();
      continue;
    }
    if (c === '#' && !has) break;
    if (c === '|') {
      if (text[i + 1] === '|') {
        // `||` is not a pipe (scripts do not chain commands; keep it as text).
        cur += '||';
        has = true;
        i++;
        continue;
      }
      push();
      segments.push(argv.splice(0));
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && !has) {
      let j = i + 2;
      let stripTabs = false;
      if (text[j] === '-') {
        stripTabs = true;
        j++;
      }
      while (text[j] === ' ') j++;
      let delim = '';
      const q = text[j];
      if (q === "'" || q === '"') {
        const end = text.indexOf(q, j + 1);
        if (end < 0) throw new ScriptError('unterminated heredoc delimiter', line);
        delim = text.slice(j + 1, end);
        j = end + 1;
      } else {
        while (j < text.length && !/[\s;|&<>]/.test(text[j])) delim += text[j++];
      }
      if (!delim) throw new ScriptError('missing heredoc delimiter', line);
      heredoc = { delimiter: delim, stripTabs };
      i = j - 1;
      continue;
    }
    if (c === '>' && !has) {
      const append = text[i + 1] === '>';
      if (append) i++;
      pendingRedirect = { append };
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new ScriptError('unterminated single quote', line);
      cur += text.slice(i + 1, end);
      has = true;
      i = end;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1])) {
          cur += text[++j];
        } else cur += text[j];
      }
      if (j >= text.length) throw new ScriptError('unterminated double quote', line);
      has = true;
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
      continue;
    }
    cur += c;
    has = true;
  }
  push();
  if (pendingRedirect) throw new ScriptError('missing file name after >', line);
  if (segments.length > 0) {
    segments.push(argv.splice(0));
    const [first, ...pipes] = segments;
    if (pipes.some((p) => p.length === 0)) throw new ScriptError('empty command in a pipeline', line);
    return { argv: first, pipes, heredoc, redirect };
  }
  return { argv, heredoc, redirect };
}

/** Whether a line ends inside an open quote (so the next physical line continues it). */
function openQuote(text: string): boolean {
  let q: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q === "'") {
      if (c === "'") q = undefined;
    } else if (q === '"') {
      if (c === '\\') i++;
      else if (c === '"') q = undefined;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') q = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) return false;
  }
  return q !== undefined;
}

export function parseScript(source: string): Step[] {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    const first = lines[i];
    if (first.trim() === '' || first.trim().startsWith('#')) continue;
    let text = first;
    // Backslash-newline continuations and newlines inside quotes join physical lines.
    while ((/(^|[^\\])(\\\\)*\\$/.test(text) || openQuote(text)) && i + 1 < lines.length) {
      if (/\\$/.test(text) && !openQuote(text)) text = text.slice(0, -1) + lines[++i];
      else text += '\n' + lines[++i];
    }
    const words = splitWords(text, startLine);
    let stdin: string | undefined;
    if (words.heredoc) {
      const body: string[] = [];
      let closed = false;
      while (++i < lines.length) {
        let l = lines[i];
        if (words.heredoc.stripTabs) l = l.replace(/^\t+/, '');
        if (l === words.heredoc.delimiter) {
          closed = true;
          break;
        }
        body.push(l);
      }
      if (!closed) throw new ScriptError(`here-document delimited by end-of-file (wanted \`${words.heredoc.delimiter}')`, startLine);
      stdin = body.length ? body.join('\n') + '\n' : '';
    }
    if (words.argv.length === 0) continue;
    steps.push({ line: startLine, echo: first, argv: words.argv, stdin, redirect: words.redirect, pipes: words.pipes });
  }
  return steps;
}
