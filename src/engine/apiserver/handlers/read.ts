// GET of one object, LIST with label/field selectors and limit/continue, WATCH with resume,
// and server-side printing into a meta.k8s.io/v1 Table (apiserver endpoints/handlers/get.go,
// watch.go, registry/rest/table.go).

import type { ResourceType } from '../../api/registry';
import { groupVersion } from '../../api/registry';
import type { KList, KObject, WatchEvent } from '../../api/types';
import { parseSelector, type Selector } from '../../api/labels';
import { fieldValue, parseFieldSelector, validateFieldSelector, type FieldRequirement, type FieldSelector } from '../../api/fields';
import { StoreError } from '../../store/errors';
import type { StoredEvent } from '../../store/store';
import { watchByNode } from './watch-by-node';
import { decodeBase64, encodeBase64, utf8Decode, utf8Encode } from '../../util/base64';
import { storeKey, type ReadContext } from '../context';
import type { WatchHandle, WatchSink } from '../request';
import { badRequest, gone, notFound } from '../status';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export function getObject(ctx: ReadContext, t: ResourceType, namespace: string | undefined, name: string): KObject {
  const obj = ctx.store.get(storeKey(t), namespace ?? '', name);
  if (!obj) throw notFound(t.group, t.plural, name);
  return obj;
}

interface Filter {
  labels?: Selector;
  fields?: FieldSelector;
  /** The field selector's terms, each matched on the one field it names. */
  terms?: readonly FieldRequirement[];
  apiVersion?: string;
}

function makeFilter(t: ResourceType, opts: ListOptions): Filter {
  const f: Filter = {};
  try {
    if (opts.labelSelector) f.labels = parseSelector(opts.labelSelector);
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  try {
    if (opts.fieldSelector) {
      // Refuse fields this kind cannot select on, as the apiserver's field label conversion does.
      f.fields = validateFieldSelector(t.kind, parseFieldSelector(opts.fieldSelector), groupVersion(t));
      f.terms = f.fields.requirements();
      f.apiVersion = groupVersion(t);
    }
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  return f;
}

function matches(t: ResourceType, f: Filter, obj: KObject): boolean {
  if (f.labels && !f.labels.matches(obj.metadata.labels ?? {})) return false;
  const terms = f.terms;
  if (terms) {
    // FieldSelector.matches over fieldsForObject, computing only the fields the terms name.
    for (let i = 0; i < terms.length; i++) {
      const r = terms[i];
      const v = fieldValue(t.kind, obj, r.field, f.apiVersion);
      if (r.operator === '=' ? v !== r.value : v === r.value) return false;
    }
  }
  return true;
}

/** LIST: the objects in key order, filtered, paged by limit/continue. */
export function listObjects(ctx: ReadContext, t: ResourceType, namespace: string | undefined, opts: ListOptions): KList {
  const filter = makeFilter(t, opts);
  const { items, resourceVersion } = ctx.store.list(storeKey(t), namespace);
  let selected = filter.labels || filter.fields ? items.filter((o) => matches(t, filter, o)) : items;
  let listRV = String(resourceVersion);
  let start = 0;
  if (opts.continue) {
    const tok = decodeContinue(opts.continue);
    listRV = tok.rv;
    start = selected.findIndex((o) => keyOf(o) > tok.after);
    if (start < 0) start = selected.length;
  }
  const meta: KList['metadata'] = { resourceVersion: listRV };
  if (opts.limit !== undefined && opts.limit > 0 && selected.length - start > opts.limit) {
    const page = selected.slice(start, start + opts.limit);
    meta.continue = encodeContinue(listRV, keyOf(page[page.length - 1]));
    meta.remainingItemCount = selected.length - start - opts.limit;
    selected = page;
  } else if (start > 0) {
    selected = selected.slice(start);
  }
  return { apiVersion: groupVersion(t), kind: t.listKind, metadata: meta, items: selected };
}

function keyOf(o: KObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

function encodeContinue(rv: string, after: string): string {
  return encodeBase64(utf8Encode(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: after })), true);
}

function decodeContinue(token: string): { rv: string; after: string } {
  const bytes = decodeBase64(token, true);
  try {
    const j = JSON.parse(utf8Decode(bytes ?? new Uint8Array())) as { rv: string; start: string };
    if (typeof j.rv !== 'string' || typeof j.start !== 'string') throw new Error('bad');
    return { rv: j.rv, after: j.start };
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
  }
}

/**
 * WATCH: streams changes to `sink`. An object that stops matching a selector is sent as DELETED
 * and one that starts matching as ADDED, as the watch cache does.
 */
export function watchObjects(
  ctx: ReadContext,
  t: ResourceType,
  namespace: string | undefined,
  opts: ListOptions,
  sink: WatchSink,
): WatchHandle {
  const filter = makeFilter(t, opts);
  const rv = opts.resourceVersion ? Number(opts.resourceVersion) : 0;
  if (Number.isNaN(rv)) throw badRequest(`Invalid value: "${opts.resourceVersion}": must be a valid resource version`);
  const send = (e: WatchEvent) => sink.onEvent(e);
  const handler = (e: StoredEvent) => {
    const now = matches(t, filter, e.object);
    if (e.type === 'ADDED') {
      if (now) send({ type: 'ADDED', object: e.object });
    } else if (e.type === 'DELETED') {
      if (e.prev ? matches(t, filter, e.prev) : now) send({ type: 'DELETED', object: e.object });
    } else {
      const before = e.prev ? matches(t, filter, e.prev) : now;
      if (now && before) send({ type: 'MODIFIED', object: e.object });
      else if (now) send({ type: 'ADDED', object: e.object });
      else if (before) send({ type: 'DELETED', object: e.object });
    }
  };
  try {
    const node = t.group === '' && t.kind === 'Pod' ? filter.fields?.requiresExactMatch('spec.nodeName') : undefined;
    if (node !== undefined) return watchByNode(ctx, storeKey(t), namespace ?? '', rv, node, handler);
    return ctx.store.watch(storeKey(t), { namespace: namespace ?? '', resourceVersion: rv }, handler);
  } catch (e) {
    if (e instanceof StoreError && e.code === 'Gone') throw gone(e.message);
    throw e;
  }
}
