// Reading `-f` arguments as kubectl's resource builder does: files, directories (-R for
// subdirectories), `-` for stdin, multi-document YAML and JSON, `kind: List` flattened, with
// upstream's errors for missing paths, unparsable files and objects without apiVersion/kind.

import type { KObject } from '../engine/api/types';
import type { FileSource } from './env';
import { CmdError } from './errors';

export interface ManifestInfo {
  obj: KObject;
  /** The file it came from, as kubectl names it in messages (`web.yaml`, `dir/a.yaml`, `STDIN`). */
  source: string;
}

const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** Expands -f arguments into the files to read, checking they exist first (as kubectl does). */
export function expandPaths(files: FileSource, names: string[], recursive: boolean): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (name === '-') {
      out.push('-');
      continue;
    }
    if (/^https?:\/\//.test(name)) throw new CmdError(`unable to read URL "${name}": kubeplay has no network access outside the cluster`);
    if (!files.exists(name)) throw new CmdError(`the path "${name}" does not exist`);
    if (files.isDir(name)) out.push(...walk(files, name, recursive));
    else out.push(name);
  }
  return out;
}

function walk(files: FileSource, dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const entry of files.list(dir)) {
    const p = dir.endsWith('/') ? dir + entry : `${dir}/${entry}`;
    if (files.isDir(p)) {
      if (recursive) out.push(...walk(files, p, recursive));
    } else if (MANIFEST_EXTENSIONS.some((e) => entry.endsWith(e))) {
      out.push(p);
    }
  }
  return out;
}

/**
 * Reads and decodes every object in the -f arguments; `validate` applies kubectl's client-side checks.
 * The YAML parser is imported here, on first use, so the worker's start-up chunk goes without it.
 */
export async function readManifests(files: FileSource, names: string[], opts: { recursive: boolean; validate: boolean }): Promise<ManifestInfo[]> {
  const paths = expandPaths(files, names, opts.recursive);
  const { parseManifestStream } = await import('../engine/codec/yaml-parse');
  const out: ManifestInfo[] = [];
  for (const path of paths) {
    const source = path === '-' ? 'STDIN' : path;
    const text = path === '-' ? (files.stdin ?? '') : (files.read(path) ?? '');
    const parsed = parseManifestStream(text);
    if (!parsed.ok) throw new CmdError(`error parsing ${source}: ${parsed.error}`);
    for (const doc of parsed.docs) {
      if (doc === null || doc === undefined) continue;
      if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new CmdError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
      }
      const d = doc as Record<string, unknown>;
      if (Object.keys(d).length === 0) continue;
      checkTypeMeta(d, source, opts.validate);
      if (typeof d.kind === 'string' && d.kind.endsWith('List') && Array.isArray(d.items)) {
        for (const item of d.items as Record<string, unknown>[]) {
          checkTypeMeta(item, source, opts.validate);
          out.push({ obj: withMetadata(item), source });
        }
        continue;
      }
      out.push({ obj: withMetadata(d), source });
    }
  }
  return out;
}

function checkTypeMeta(d: Record<string, unknown>, source: string, validate: boolean): void {
  const missing: string[] = [];
  if (typeof d.apiVersion !== 'string' || d.apiVersion === '') missing.push('apiVersion not set');
  if (typeof d.kind !== 'string' || d.kind === '') missing.push('kind not set');
  if (missing.length === 0) return;
  if (!validate) {
    const field = missing[missing.length - 1].startsWith('kind') ? 'Kind' : 'apiVersion';
    throw new CmdError(`unable to decode "${source}": Object '${field}' is missing in '${JSON.stringify(d)}'`);
  }
  const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
  throw new CmdError(`error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`);
}

function withMetadata(d: Record<string, unknown>): KObject {
  const obj = d as KObject;
  if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
  return obj;
}
