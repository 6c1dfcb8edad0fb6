// Pod volume validation (pkg/apis/core/validation ValidateVolumes / validateVolumeSource): names,
// exactly one source, and the required parts of the common sources.

import type { FieldError } from '../strategy';
import type { Obj } from './json';
import { getObj, objs, str } from './json';
import { invalid, required, forbidden, duplicate, child, index } from './field';
import { isDNS1123Label, isDNS1123Subdomain } from './names';
import { volumeSourceKeys } from '../kinds/podspec-defaults';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

function validateMode(mode: unknown, path: string): FieldError[] {
  if (typeof mode !== 'number') return [];
  return mode > 0o777 || mode < 0 ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

function validateKeyToPaths(items: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  items.forEach((it, i) => {
    const ip = index(path, i);
    if (!str(it, 'key')) errs.push(required(child(ip, 'key')));
    const p = str(it, 'path');
    if (!p) errs.push(required(child(ip, 'path')));
    else if (p.startsWith('/')) errs.push(invalid(child(ip, 'path'), p, 'must be a relative path'));
    else if (p.split('/').includes('..')) errs.push(invalid(child(ip, 'path'), p, "must not contain '..'"));
    errs.push(...validateMode(it.mode, child(ip, 'mode')));
  });
  return errs;
}

function validateSource(v: Obj, path: string): FieldError[] {
  const keys = volumeSourceKeys(v);
  if (keys.length === 0) return [required(path, 'must specify a volume type')];
  const errs: FieldError[] = [];
  for (const k of keys.slice(1)) errs.push(forbidden(child(path, k), 'may not specify more than 1 volume type'));
  const k = keys[0];
  const src = getObj(v, k) ?? {};
  const sp = child(path, k);
  switch (k) {
    case 'hostPath': {
      const p = str(src, 'path');
      if (!p) errs.push(required(child(sp, 'path')));
      const types = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];
      if (!types.includes(str(src, 'type'))) errs.push(invalid(child(sp, 'type'), str(src, 'type'), ''));
      break;
    }
    case 'secret':
      if (!str(src, 'secretName')) errs.push(required(child(sp, 'secretName')));
      errs.push(...validateMode(src.defaultMode, child(sp, 'defaultMode')));
      errs.push(...validateKeyToPaths(objs(src, 'items'), child(sp, 'items')));
      break;
    case 'configMap': {
      const name = str(src, 'name');
      if (!name) errs.push(required(child(sp, 'name')));
      else for (const m of isDNS1123Subdomain(name)) errs.push(invalid(child(sp, 'name'), name, m));
      errs.push(...validateMode(src.defaultMode, child(sp, 'defaultMode')));
      errs.push(...validateKeyToPaths(objs(src, 'items'), child(sp, 'items')));
      break;
    }
    case 'persistentVolumeClaim':
      if (!str(src, 'claimName')) errs.push(required(child(sp, 'claimName')));
      break;
    case 'nfs':
      if (!str(src, 'server')) errs.push(required(child(sp, 'server')));
      if (!str(src, 'path')) errs.push(required(child(sp, 'path')));
      else if (!str(src, 'path').startsWith('/')) errs.push(invalid(child(sp, 'path'), str(src, 'path'), 'must be an absolute path'));
      break;
    case 'projected':
    case 'downwardAPI':
      errs.push(...validateMode(src.defaultMode, child(sp, 'defaultMode')));
      break;
    default:
      break;
  }
  return errs;
}

/** ValidateVolumes: returns the errors and the set of volume names (for volumeMounts). */
export function validateVolumes(volumes: Obj[], path: string): { errors: FieldError[]; names: Set<string> } {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const ip = index(path, i);
    errors.push(...validateSource(v, ip));
    const name = str(v, 'name');
    if (!name) errors.push(required(child(ip, 'name')));
    else for (const m of isDNS1123Label(name)) errors.push(invalid(child(ip, 'name'), name, m));
    if (names.has(name)) errors.push(duplicate(child(ip, 'name'), name));
    else if (name) names.add(name);
  });
  return { errors, names };
}
