// Turns explain's argument (`deploy.spec.strategy`, `deployments.apps.spec`) and --api-version
// into what to explain, the way kubectl v1.32 does (pkg/explain/explain.go
// SplitAndParseResourceRequest[WithMatchingPrefix] over the discovery RESTMapper).
import { RESOURCE_TYPES, groupVersion } from '../../engine/api/registry';
import type { ResourceType } from '../../engine/api/registry';

/** What an explain argument names: the resource's API version, kind and plural, and the field path. */
export interface ExplainTarget {
  apiVersion: string;
  kind: string;
  resource: string;
  fieldPath: string[];
}

/** Splits `deployment.spec.strategy.` into `deployment` and `['spec', 'strategy']`. */
export function parseExplainArgument(arg: string): { resource: string; fieldPath: string[] } {
  const parts = arg.replace(/\.$/, '').split('.');
  return { resource: parts[0], fieldPath: parts.slice(1) };
}

/** The mapper's ResourcesFor: plural, singular or short name, case-insensitive, in discovery priority. */
function resourcesFor(name: string, types: readonly ResourceType[]): ResourceType[] {
  const n = name.toLowerCase();
  const matches = types.filter((t) => t.plural === n || t.singular === n || t.shortNames.includes(n));
  // The core group is preferred over every other group, as in kubectl's discovery order.
  return [...matches.filter((t) => t.group === ''), ...matches.filter((t) => t.group !== '')];
}

/** `apps/v1` -> ok; `a/b/c` -> kubectl's ParseGroupVersion error. */
function checkGroupVersion(apiVersion: string): string | undefined {
  if (apiVersion.split('/').length > 2) return `error: unexpected GroupVersion string: ${apiVersion}`;
  return undefined;
}

/**
 * Resolves `TYPE[.FIELD...]` (and an optional --api-version, which replaces the group and version
 * as upstream does) to an explain target, or kubectl's error line.
 */
export function resolveExplainArgument(
  arg: string,
  apiVersion?: string,
  types: readonly ResourceType[] = RESOURCE_TYPES,
): { ok: true; target: ExplainTarget } | { ok: false; error: string } {
  const { resource, fieldPath } = parseExplainArgument(arg);
  const found = resourcesFor(resource, types);
  // A NoResourceMatchError: checkErr prints it without the `error: ` prefix.
  if (found.length === 0) return { ok: false, error: `the server doesn't have a resource type "${resource}"` };
  let t = found[0];
  let fields = fieldPath;
  if (!apiVersion) {
    // With a `plural.group` prefix (`deployments.apps.spec`) the group picks the resource and
    // the rest is the field path; otherwise the first (preferred) match is used.
    const trimmed = arg.replace(/\.$/, '');
    const byPrefix = found.find((r) => trimmed.startsWith(r.group ? `${r.plural}.${r.group}` : r.plural));
    if (byPrefix) {
      t = byPrefix;
      const gr = t.group ? `${t.plural}.${t.group}` : t.plural;
      fields = trimmed.slice(gr.length).split('.').filter((p, i) => !(i === 0 && p === ''));
    }
    return { ok: true, target: { apiVersion: groupVersion(t), kind: t.kind, resource: t.plural, fieldPath: fields } };
  }
  const bad = checkGroupVersion(apiVersion);
  if (bad) return { ok: false, error: bad };
  return { ok: true, target: { apiVersion, kind: t.kind, resource: t.plural, fieldPath: fields } };
}
