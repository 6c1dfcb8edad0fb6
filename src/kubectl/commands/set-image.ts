// `kubectl set image` (kubectl pkg/cmd/set/set_image.go): CONTAINER=IMAGE pairs (`*` for all
// containers, init containers included), `image updated`, `unable to find container named "x"`.

import type { Invocation } from '../cli/command';
import { flagArray } from '../cli/flags';
import { makeCtx } from '../context';
import type { J } from '../describe/values';
import { CmdError } from '../errors';
import { podSpecOf, runSet, splitResourcesAndPairs, type MutationResult } from './set-common';

/** Applies `name=image` pairs to a pod spec's containers and init containers. */
export function setImages(podSpec: J, images: Array<[string, string]>): MutationResult {
  const errors: string[] = [];
  const all: J[] = [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])];
  for (const [name, image] of images) {
    let found = false;
    for (const c of all) {
      if (name === '*' || c.name === name) {
        c.image = image;
        found = true;
      }
    }
    if (!found) errors.push(`unable to find container named "${name}"`);
  }
  return { errors };
}

export async function runSetImage(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const { resources, pairs } = splitResourcesAndPairs(inv.args, (a) => a.includes('='));
  if (resources.length === 0 && flagArray(inv.flags, 'filename').length === 0) {
    throw new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (pairs.length === 0) throw new CmdError('at least one image update is required');
  const images: Array<[string, string]> = [];
  for (const p of pairs) {
    const i = p.indexOf('=');
    const name = p.slice(0, i);
    const image = p.slice(i + 1);
    if (name === '' || image === '') throw new CmdError(`invalid image update: ${p}`);
    images.push([name, image]);
  }
  return runSet(ctx, resources, 'image updated', (obj) => setImages(podSpecOf(obj), images));
}

