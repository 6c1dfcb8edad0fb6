// Turns resource arguments into what to fetch, as cli-runtime's resource.Builder does:
// `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2 [NAME...]`, `TYPE/NAME...`, and the `all` category.

import { CmdError } from './errors';
import type { Discovery, Mapping } from './discovery';

export interface ResourceRequest {
  mapping: Mapping;
  /** Named objects; undefined means "list them". */
  names?: string[];
}

/** Resolves `deploy,svc` / `all` into mappings, in the order given (categories expanded in discovery order). */
export async function resolveTypes(discovery: Discovery, spec: string): Promise<Mapping[]> {
  const out: Mapping[] = [];
  for (const word of spec.split(',')) {
    if (word === '') continue;
    const cat = await discovery.category(word);
    if (cat.length > 0 && !(await isResource(discovery, word))) {
      for (const m of cat) if (!out.includes(m)) out.push(m);
      continue;
    }
    const m = await discovery.resolve(word);
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

async function isResource(discovery: Discovery, word: string): Promise<boolean> {
  try {
    await discovery.resolve(word);
    return true;
  } catch {
    return false;
  }
}

/** Parses positional args into resource requests; `TYPE/NAME` forms keep their order. */
export async function resourceRequests(discovery: Discovery, args: string[]): Promise<ResourceRequest[]> {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new CmdError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (name === '') throw new CmdError(`arguments in resource/name form must have a single resource and name`);
      const m = await discovery.resolve(type);
      const last = out[out.length - 1];
      if (last && last.mapping === m && last.names) last.names.push(name);
      else out.push({ mapping: m, names: [name] });
    }
    return out;
  }
  const types = await resolveTypes(discovery, args[0]);
  const names = args.slice(1);
  return types.map((m) => ({ mapping: m, names: names.length ? [...names] : undefined }));
}
