// The container's file system view: a flat map of absolute path -> content, with directories
// implied by the paths under them (plus the usual top-level ones every image has).

import type { ShellContext } from './state';

/** Directories every Linux image has, so `ls /` and `cd /tmp` behave. */
const BASE_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'];

/** Absolute, normalised path for `p` relative to the shell's working directory. */
export function resolvePath(ctx: Pick<ShellContext, 'cwd'>, p: string): string {
  const abs = p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`;
  const parts: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** Whether `path` is a directory: a base directory, a marked one, or a prefix of some file. */
export function isDir(files: Map<string, string>, path: string): boolean {
  if (path === '/' || BASE_DIRS.includes(path)) return true;
  const prefix = path + '/';
  for (const k of files.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

/** Sorted names directly inside directory `path` (files and subdirectories). */
export function listDir(files: Map<string, string>, path: string): string[] {
  const prefix = path === '/' ? '/' : path + '/';
  const names = new Set<string>();
  if (path === '/') for (const d of BASE_DIRS) names.add(d.slice(1));
  for (const k of files.keys()) {
    if (!k.startsWith(prefix)) continue;
    const rest = k.slice(prefix.length);
    const name = rest.split('/')[0];
    // A `dir/.keep` marker (mkdir of an empty directory) shows the directory, not the marker.
    if (name !== '' && name !== '.keep') names.add(name);
  }
  return [...names].sort();
}
