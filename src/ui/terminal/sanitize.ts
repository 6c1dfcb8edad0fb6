// Neutralises terminal control in command output before it reaches xterm: only SGR colour/style
// sequences (ESC [ digits ; : m) pass. OSC (window title, clipboard, hyperlinks), DCS and other
// string sequences, cursor movement, mode switches, terminal queries and C1 controls are dropped,
// so nothing printed by the cluster can retitle the page, answer back into the shell or garble it.

type State = 'ground' | 'esc' | 'csi' | 'csi-skip' | 'string' | 'string-esc';

/** Longest CSI we keep collecting; anything longer is not a colour and is dropped. */
const MAX_CSI = 64;
const SGR_PARAMS = /^[0-9;:]*$/;

/**
 * A streaming sanitiser: feed chunks in order (a sequence may be split across chunks, as output
 * arrives in pieces); returns the safe text of each chunk.
 */
export function createSanitizer(): (chunk: string) => string {
  let state: State = 'ground';
  let csi = '';
  return (chunk: string): string => {
    let out = '';
    for (const ch of chunk) {
      const code = ch.codePointAt(0) ?? 0;
      switch (state) {
        case 'ground':
          if (ch === '\x1b') state = 'esc';
          else if (code === 0x9b) {
            // 8-bit CSI: xterm honours it, so it must not pass; we read it like ESC [ and drop it.
            state = 'csi';
            csi = '';
          } else if (code === 0x90 || code === 0x9d || code === 0x98 || code === 0x9e || code === 0x9f) state = 'string';
          else if (ch === '\n' || ch === '\r' || ch === '\t' || (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0))) out += ch;
          break;
        case 'esc':
          if (ch === '[') {
            state = 'csi';
            csi = '';
          } else if (ch === ']' || ch === 'P' || ch === 'X' || ch === '^' || ch === '_') state = 'string';
          else if (ch === '\x1b' || (code >= 0x20 && code <= 0x2f)) state = 'esc'; // intermediate (ESC ( B ...): keep swallowing
          else state = 'ground'; // ESC + final (ESC c reset, ESC 7 ...): dropped
          break;
        case 'csi':
          if (code >= 0x40 && code <= 0x7e) {
            if (ch === 'm' && SGR_PARAMS.test(csi)) out += `\x1b[${csi}m`;
            state = 'ground';
          } else if (code >= 0x20 && code <= 0x3f) {
            if (csi.length < MAX_CSI) csi += ch;
            else state = 'csi-skip'; // too long to be a colour: swallow it to its final byte
          } else {
            if (ch === '\n') out += ch; // malformed or oversized: drop what we had, keep the line end
            state = 'ground';
          }
          break;
        case 'csi-skip':
          if (code >= 0x40 && code <= 0x7e) state = 'ground';
          else if (code < 0x20 || code > 0x7e) {
            if (ch === '\n') out += ch;
            state = 'ground';
          }
          break;
        case 'string':
          // Payload of OSC/DCS/SOS/PM/APC: swallowed up to BEL or ST (ESC \ or 8-bit 0x9c).
          if (ch === '\x07' || code === 0x9c) state = 'ground';
          else if (ch === '\n') {
            // An unterminated string must not swallow the rest of the output: a line end closes it.
            state = 'ground';
            out += ch;
          } else if (ch === '\x1b') state = 'string-esc';
          break;
        case 'string-esc':
          if (ch === '\n') out += ch;
          state = ch === '\\' || ch === '\n' ? 'ground' : ch === '\x1b' ? 'string-esc' : 'string';
          break;
      }
    }
    return out;
  };
}

/** Sanitises one complete text (no state carried over). */
export function sanitize(text: string): string {
  return createSanitizer()(text);
}

/** The text a user would see (SGR removed); used to know whether output ended at a line start. */
export function visible(text: string): string {
  return text.replace(/\x1b\[[0-9;:]*m/g, '');
}
