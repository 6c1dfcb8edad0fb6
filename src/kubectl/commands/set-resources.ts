// `kubectl set resources` (kubectl pkg/cmd/set/set_resources.go): --limits / --requests as
// `cpu=200m,memory=512Mi` for the containers matching -c, `resource requirements updated`.

import { Quantity } from '../../engine/api/quantity';
import type { Invocation } from '../cli/command';
import { flagArray, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import type { J } from '../describe/values';
import { CmdError } from '../errors';
import { podSpecOf, runSet, selectContainers, type MutationResult } from './set-common';

/** Parses `cpu=200m,memory=512Mi` into canonical quantities (0.5 -> 500m), with upstream's errors. */
export function parseResourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (spec === '') return out;
  for (const part of spec.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) throw new CmdError(`Invalid argument syntax ${part}, expected <resource>=<value>`);
    try {
      out[part.slice(0, i)] = Quantity.parse(part.slice(i + 1)).toString();
    } catch (e) {
      throw new CmdError((e as Error).message);
    }
  }
  return out;
}

/** Merges limits and requests into the selected containers. */
export function setResources(podSpec: J, pattern: string, limits: Record<string, string>, requests: Record<string, string>): MutationResult {
  const selected = selectContainers([...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])], pattern);
  if (selected.length === 0) return { errors: [`unable to find container named ${pattern}`] };
  for (const c of selected) {
    c.resources ??= {};
    if (Object.keys(limits).length) c.resources.limits = { ...(c.resources.limits ?? {}), ...limits };
    if (Object.keys(requests).length) c.resources.requests = { ...(c.resources.requests ?? {}), ...requests };
  }
  return { errors: [] };
}

export async function runSetResources(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  if (inv.args.length === 0 && flagArray(inv.flags, 'filename').length === 0) {
    throw new CmdError(`You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`);
  }
  const limitsText = flagString(inv.flags, 'limits') ?? '';
  const requestsText = flagString(inv.flags, 'requests') ?? '';
  if (limitsText === '' && requestsText === '') throw new CmdError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const limits = parseResourceList(limitsText);
  const requests = parseResourceList(requestsText);
  const pattern = flagString(inv.flags, 'containers') || '*';
  return runSet(ctx, inv.args, 'resource requirements updated', (obj) => setResources(podSpecOf(obj), pattern, limits, requests));
}

