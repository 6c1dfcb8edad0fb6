// Objects from -f resolved against discovery (resource.Info): each object with its mapping and
// namespace, with upstream's errors for unknown kinds and namespace mismatches.

import type { KObject } from '../../engine/api/types';
import type { Ctx } from '../context';
import type { Mapping } from '../discovery';
import { CmdError } from '../errors';
import { readManifests } from '../manifests';
import { flagArray, flagBool, flagString } from '../cli/flags';

export interface Info {
  obj: KObject;
  mapping: Mapping;
  namespace: string | undefined;
  name: string;
  source: string;
}

/** Reads -f and resolves each object; `setNamespace` writes the namespace into namespaced objects. */
export async function fileInfos(ctx: Ctx, opts: { setNamespace: boolean } = { setNamespace: true }): Promise<Info[]> {
  const f = ctx.inv.flags;
  const validate = flagString(f, 'validate');
  const infos = await readManifests(ctx.inv.env.files, flagArray(f, 'filename'), {
    recursive: flagBool(f, 'recursive'),
    validate: !(validate === 'false' || validate === 'ignore'),
  });
  const out: Info[] = [];
  for (const info of infos) {
    const o = info.obj;
    const m = await ctx.discovery.forKind(o.apiVersion, o.kind);
    if (!m) {
      throw new CmdError(
        `resource mapping not found for name: "${o.metadata.name ?? ''}" namespace: "${o.metadata.namespace ?? ''}" from "${info.source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`,
      );
    }
    let ns: string | undefined;
    if (m.namespaced) {
      const objNs = o.metadata.namespace;
      if (objNs && ctx.namespaceExplicit && objNs !== ctx.namespace) {
        throw new CmdError(
          `the namespace from the provided object "${objNs}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${objNs}' to perform this operation.`,
        );
      }
      ns = objNs || ctx.namespace;
      if (opts.setNamespace) o.metadata.namespace = ns;
    }
    out.push({ obj: o, mapping: m, namespace: ns, name: o.metadata.name ?? '', source: info.source });
  }
  return out;
}
