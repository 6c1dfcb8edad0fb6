// A very small markdown reader for lesson text: paragraphs, fenced code blocks and inline `code`.
// It returns tokens that components render as text nodes: nothing is ever parsed as HTML.

export type Inline = { code: boolean; text: string };
export type Block = { kind: 'code'; text: string } | { kind: 'para'; parts: Inline[] };

/** Splits inline text on backticks: odd segments are code. */
export function inline(text: string): Inline[] {
  return text
    .split('`')
    .map((t, i) => ({ code: i % 2 === 1, text: t }))
    .filter((p) => p.text !== '');
}

export function blocks(md: string): Block[] {
  const out: Block[] = [];
  const lines = md.split('\n');
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ kind: 'para', parts: inline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      out.push({ kind: 'code', text: code.join('\n') });
    } else if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return out;
}
