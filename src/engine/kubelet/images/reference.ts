// Image references resolved with Docker's normalisation rules (distribution/reference
// ParseNormalizedNamed): `nginx` -> docker.io/library/nginx:latest, `user/repo`, registry hosts
// (a first component with `.` or `:`, or `localhost`), `:tag` and `@sha256:` digests.

/** A parsed, normalised reference. */
export interface ImageRef {
  /** `docker.io`, `registry.k8s.io`, `localhost:5000`, ... */
  domain: string;
  /** Path inside the registry, e.g. `library/nginx`. */
  path: string;
  /** Tag; `latest` when neither a tag nor a digest was given. */
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx` */
  repository: string;
  /** The full normalised reference, e.g. `docker.io/library/nginx:latest`. */
  full: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[a-fA-F0-9:]+\](?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/**
 * Parses a reference as the container runtime does. Errors are distribution's texts, e.g.
 * `invalid reference format: repository name (library/NGINX) must be lowercase`.
 */
export function parseReference(ref: string): { ok: true; ref: ImageRef } | { ok: false; error: string } {
  const bad = { ok: false as const, error: 'invalid reference format' };
  if (ref === '' || ref.length > 255) return bad;
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return bad;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return bad;
  }
  let domain = 'docker.io';
  let path = rest;
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first)) {
    domain = first;
    path = rest.slice(slash + 1);
    if (!DOMAIN.test(domain)) return bad;
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const comps = path.split('/');
  if (comps.some((c) => !COMPONENT.test(c))) {
    if (comps.every((c) => COMPONENT.test(c.toLowerCase()))) {
      return { ok: false, error: `invalid reference format: repository name (${path}) must be lowercase` };
    }
    return bad;
  }
  if (!tag && !digest) tag = 'latest';
  const repository = `${domain}/${path}`;
  const full = repository + (tag && !digest ? `:${tag}` : '') + (digest ? `@${digest}` : '');
  return { ok: true, ref: { domain, path, tag, digest, repository, full: digest && tag ? `${repository}:${tag}@${digest}` : full } };
}
