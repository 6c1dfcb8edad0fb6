// `kubectl explain TYPE[.FIELD...] [--recursive] [--api-version=...]` as kubectl v1.32 prints it
// from a server's OpenAPI v3 document (pkg/explain/v2: plaintext.tmpl + explain.go).
import { RESOURCE_TYPES } from '../../engine/api/registry';
import { loadOpenApi, openApiDocument, parseGroupVersion } from '../../engine/api/openapi/index';
import type { OpenApiDocument, OpenApiGVK } from '../../engine/api/openapi/types';
import { output } from './render';

export { wrapString } from './wordwrap';
export { parseExplainArgument, resolveExplainArgument } from './argument';
export type { ExplainTarget } from './argument';

/** What to explain: a kind in an apiVersion, and the field path under it. */
export interface ExplainOptions {
  apiVersion: string;
  kind: string;
  fieldPath: string[];
  recursive: boolean;
  /** The resource (plural) kubectl resolved; defaults to the registry's plural for the kind. */
  resource?: string;
}

/**
 * Success, or the error line kubectl prints (`error: field "foo" does not exist`). `text` on a
 * failure is what kubectl had already written to stdout before failing (the GROUP/KIND/VERSION
 * header when the field is missing), because its template writes straight to the terminal.
 */
export type ExplainResult = { ok: true; text: string } | { ok: false; error: string; text?: string };

/** How Go's fmt prints a GroupVersionResource: `apps/v1, Resource=deployments`. */
function gvrString(group: string, version: string, resource: string): string {
  return `${group}/${version}, Resource=${resource}`;
}

function pluralFor(group: string, kind: string): string {
  const t = RESOURCE_TYPES.find((r) => r.group === group && r.kind === kind);
  return t ? t.plural : kind.toLowerCase() + 's';
}

/** The template's GVR -> GVK lookup through the document's resource paths and their operations. */
function gvkFromPaths(doc: OpenApiDocument, group: string, version: string, resource: string): OpenApiGVK | undefined {
  const prefix = group ? `/apis/${group}` : '/api';
  const candidates = [
    `${prefix}/${version}/${resource}`,
    `${prefix}/${version}/${resource}/{name}`,
    `${prefix}/${version}/namespaces/{namespace}/${resource}`,
    `${prefix}/${version}/namespaces/{namespace}/${resource}/{name}`,
  ];
  for (const p of candidates) {
    const item = doc.paths[p] as Record<string, { 'x-kubernetes-group-version-kind'?: OpenApiGVK } | undefined> | undefined;
    if (!item) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const gvk = item[method]?.['x-kubernetes-group-version-kind'];
      if (gvk) return gvk;
    }
  }
  return undefined;
}

/** Go's %v of the GVK map: `map[group:apps kind:Deployment version:v1]`. */
function gvkMapString(g: OpenApiGVK): string {
  return `map[group:${g.group} kind:${g.kind} version:${g.version}]`;
}

function render(doc: OpenApiDocument, gvk: OpenApiGVK, opts: ExplainOptions): ExplainResult {
  let header = '';
  if (gvk.group) header += `GROUP:      ${gvk.group}\n`;
  header += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = doc.components.schemas;
  const name = Object.keys(schemas)
    .sort()
    .find((n) =>
      (schemas[n]['x-kubernetes-group-version-kind'] ?? []).some(
        (g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind,
      ),
    );
  if (!name) return { ok: false, error: `error: GVK ${gvkMapString(gvk)} not found in OpenAPI schema`, text: header };
  const body = output(schemas[name], opts.fieldPath, new Set(), { doc, recursive: opts.recursive });
  if (!body) {
    const last = opts.fieldPath[opts.fieldPath.length - 1];
    return { ok: false, error: `error: field "${last}" does not exist`, text: header };
  }
  return { ok: true, text: header + body + '\n' };
}

/**
 * Explains a kind (or a field under it) from the OpenAPI document of `apiVersion`, which must be
 * loaded already (`loadOpenApi`, or use `explainAsync`). Never throws for user input.
 */
export function explain(opts: ExplainOptions): ExplainResult {
  const { group, version } = parseGroupVersion(opts.apiVersion);
  const resource = opts.resource ?? pluralFor(group, opts.kind);
  const doc = openApiDocument(opts.apiVersion);
  if (!doc) return { ok: false, error: `error: couldn't find resource for "${gvrString(group, version, resource)}"` };
  const gvk = gvkFromPaths(doc, group, version, resource);
  if (!gvk) return { ok: false, error: `error: GVR (${gvrString(group, version, resource)}) not found in OpenAPI schema` };
  return render(doc, gvk, opts);
}

/** `explain` after loading the group-version's document on demand (the browser path). */
export async function explainAsync(opts: ExplainOptions): Promise<ExplainResult> {
  await loadOpenApi(opts.apiVersion);
  return explain(opts);
}
