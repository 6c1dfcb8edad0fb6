// The image catalog (ImageCatalog): resolves references against the catalog table as a
// registry would, with containerd's failure texts, and starts containers from resolved images.

import type { ImageCatalog, ImageInfo, ProcessSpec, PullFailure, SimProcess } from '../process';
import { IMAGES } from './catalog';
import { startContainer } from './container';
import { parseReference } from './reference';
import { sha256Hex } from './sha256';
import type { FullSpec, ImageDef } from './types';

export { IMAGES, PROGRAMS } from './catalog';
export { parseReference, type ImageRef } from './reference';
export { containerArgv, startContainer, startFailure } from './container';
export type { FullSpec, ImageDef, ProcessExtras, TagInfo } from './types';

/** A reference that is not even well-formed: the kubelet reports `InvalidImageName`, not a pull error. */
export type InvalidReference = PullFailure & { reason: 'InvalidImageName' };

/** Registries the simulation knows exist (unknown repositories there are "not found"). */
const KNOWN_REGISTRIES = new Set(['registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'quay.io', 'ghcr.io', 'us-docker.pkg.dev', 'mcr.microsoft.com', 'public.ecr.aws']);

/** Deterministic digest of an image: sha256 of `repository:tag` of its canonical repository. */
export function imageDigest(repository: string, tag: string): string {
  const input = `${repository}:${tag}`;
  let d = digests.get(input);
  if (d === undefined) digests.set(input, (d = `sha256:${sha256Hex(input)}`));
  return d;
}

/** Digests by `repository:tag`: a pure function of a small table, asked for on every pull and status. */
const digests = new Map<string, string>();

/** Builds the catalog over a table (the default table when omitted). */
export function createImageCatalog(table: ImageDef[] = IMAGES): ImageCatalog {
  const byRepo = new Map<string, ImageDef>();
  for (const def of table) {
    byRepo.set(def.repository, def);
    for (const a of def.aliases ?? []) byRepo.set(a, def);
  }
  const resolve = (ref: string): ImageInfo | PullFailure => {
    const parsed = parseReference(ref);
    if (!parsed.ok) return { message: `couldn't parse image name "${ref}": ${parsed.error}`, reason: 'InvalidImageName' } as InvalidReference;
    const r = parsed.ref;
    const full = r.full;
    const prefix = `failed to pull and unpack image "${full}": failed to resolve reference "${full}": `;
    const def = byRepo.get(r.repository);
    if (!def) {
      if (r.domain === 'docker.io') return { message: prefix + 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' };
      if (KNOWN_REGISTRIES.has(r.domain)) return { message: prefix + `${full}: not found` };
      const host = r.domain.split(':')[0];
      const url = `https://${r.domain}/v2/${r.path}/manifests/${r.digest ?? r.tag}`;
      const why = host === 'localhost' || host === '127.0.0.1' ? `dial tcp 127.0.0.1:${r.domain.split(':')[1] ?? '443'}: connect: connection refused` : `dial tcp: lookup ${host} on 10.0.0.2:53: no such host`;
      return { message: prefix + `failed to do request: Head "${url}": ${why}` };
    }
    let tag = r.tag;
    if (r.digest) {
      tag = Object.keys(def.tags).find((t) => imageDigest(def.repository, t) === r.digest);
      if (tag === undefined) return { message: prefix + `${full}: not found` };
    }
    const info = def.tags[tag!];
    if (!info) return { message: prefix + `${full}: not found` };
    const digest = imageDigest(def.repository, tag!);
    return { repository: r.repository, tag: tag!, digest, sizeBytes: info.sizeBytes, exposedPorts: [...def.exposedPorts] };
  };

  return {
    resolve,
    start(spec: ProcessSpec): SimProcess {
      const s = spec as FullSpec;
      const def = byRepo.get(s.image.repository);
      const tag = def?.tags[s.image.tag];
      if (!def || !tag) throw new Error(`image ${s.image.repository}:${s.image.tag} is not in the catalog`);
      return startContainer(def, tag, s);
    },
  };
}

/** Whether a resolve() answer is a failure. */
export function isPullFailure(r: ImageInfo | PullFailure): r is PullFailure {
  return 'message' in r;
}
