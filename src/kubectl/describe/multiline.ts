// describe.go's multi-line map and list printers: labels, annotations (long values folded, the
// last-applied annotation skipped), taints, tolerations, CSI attributes.
import { LEVEL_0, LEVEL_2 } from './writer';
import type { PrefixWriter } from './writer';
import { byteLen, byteSlice, int, isSet, list, sortStrings, str } from './values';
import type { J } from './values';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** describe.go maxAnnotationLen. */
const MAX_ANNOTATION_LEN = 140;

/** printLabelsMultilineWithIndent: sorted `k=v` lines, `<none>` when empty. */
export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Record<string, string> | undefined,
  skip: ReadonlySet<string> = new Set(),
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const all = labels ?? {};
  const keys = sortStrings(Object.keys(all).filter((k) => !skip.has(k)));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${str(all[key])}\n`);
  });
}

/** printLabelsMultiline. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels);
}

function shorten(s: string, max: number): string {
  return byteLen(s) > max ? byteSlice(s, max) + '...' : s;
}

/**
 * printAnnotationsMultiline: sorted `k: v` lines; a value with newlines, or one too long for a
 * line, is printed under its key, each line shortened to 138 bytes.
 */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const all = annotations ?? {};
  const keys = sortStrings(Object.keys(all).filter((k) => k !== LAST_APPLIED));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = str(all[key]).replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** corev1.Taint.ToString. */
export function taintToString(t: J): string {
  const key = str(t?.key);
  const value = str(t?.value);
  const effect = str(t?.effect);
  if (effect === '') return value === '' ? key : `${key}=${value}:`;
  return value === '' ? `${key}:${effect}` : `${key}=${value}:${effect}`;
}

/** printNodeTaintsMultiline: sorted by `effect,key`. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const ts = list(taints);
  if (ts.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const cmpKey = (t: J) => `${str(t?.effect)},${str(t?.key)}`;
  const sorted = [...ts].sort((a, b) => (cmpKey(a) < cmpKey(b) ? -1 : cmpKey(a) > cmpKey(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '');
      w.write(LEVEL_0, '\t');
    }
    w.write(LEVEL_0, `${taintToString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key; `key=value:Effect op=Exists for Ns`. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const ts = list(tolerations);
  if (ts.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...ts].sort((a, b) => (str(a?.key) < str(b?.key) ? -1 : str(a?.key) > str(b?.key) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '');
      w.write(LEVEL_0, '\t');
    }
    const key = str(t?.key);
    const value = str(t?.value);
    const effect = str(t?.effect);
    let line = key;
    if (value !== '') line += `=${value}`;
    if (effect !== '') line += `:${effect}`;
    // `operator: Exists` with no key and no effect tolerates everything.
    if (str(t?.operator) === 'Exists' && value === '') line += key !== '' || effect !== '' ? ' op=Exists' : 'op=Exists';
    if (isSet(t?.tolerationSeconds)) line += ` for ${int(t.tolerationSeconds)}s`;
    w.write(LEVEL_0, line + '\n');
  });
}

/** printCSIPersistentVolumeAttributesMultilineIndent, with its LEVEL_2 quirks. */
export function printCSIAttributesMultiline(w: PrefixWriter, title: string, attributes: Record<string, string> | undefined): void {
  w.write(LEVEL_2, `${title}:\t`);
  const all = attributes ?? {};
  const keys = sortStrings(Object.keys(all));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${str(all[key])}`;
    w.write(LEVEL_2, byteLen(line) > MAX_ANNOTATION_LEN ? `${byteSlice(line, MAX_ANNOTATION_LEN)}...\n` : `${line}\n`);
  });
}
