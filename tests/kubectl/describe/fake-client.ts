// An in-memory DescribeClient for describe tests: objects by group/plural, label selectors parsed
// as the apiserver does, field selectors as `a.b=v` / `a.b!=v` terms over the object's fields.
import type { KObject } from '../../../src/engine/api/types';
import { parseSelector } from '../../../src/engine/api/labels';
import type { DescribeClient } from '../../../src/kubectl/describe';

export interface FakeCall {
  group: string;
  plural: string;
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
}

function fieldValue(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const p of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

function matchesFields(obj: KObject, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(/(?<!\\),/).every((term) => {
    const ne = term.indexOf('!=');
    if (ne >= 0) return fieldValue(obj, term.slice(0, ne)) !== term.slice(ne + 2);
    const eq = term.indexOf('=');
    return fieldValue(obj, term.slice(0, eq)) === term.slice(eq + 1).replace(/\\(.)/g, '$1');
  });
}

/** A fake client over `objects`; `calls` records every list. `failing` plurals throw on list. */
export class FakeClient implements DescribeClient {
  readonly calls: FakeCall[] = [];
  constructor(
    private readonly objects: Array<{ group: string; plural: string; obj: KObject }>,
    private readonly failing: Record<string, string> = {},
  ) {}

  async list(group: string, plural: string, namespace: string, opts?: { labelSelector?: string; fieldSelector?: string }): Promise<KObject[]> {
    this.calls.push({ group, plural, namespace, ...opts });
    if (this.failing[plural]) throw new Error(this.failing[plural]);
    const sel = parseSelector(opts?.labelSelector ?? '');
    return this.objects
      .filter((o) => o.group === group && o.plural === plural)
      .map((o) => o.obj)
      .filter((o) => namespace === '' || o.metadata.namespace === namespace)
      .filter((o) => sel.matches(o.metadata.labels))
      .filter((o) => matchesFields(o, opts?.fieldSelector));
  }

  async get(group: string, plural: string, namespace: string, name: string): Promise<KObject | undefined> {
    return this.objects.find(
      (o) => o.group === group && o.plural === plural && (o.obj.metadata.namespace ?? '') === namespace && o.obj.metadata.name === name,
    )?.obj;
  }
}

/** Shorthand: a fake client with objects given as [group, plural, object]. */
export function fake(...objs: Array<[string, string, KObject]>): FakeClient {
  return new FakeClient(objs.map(([group, plural, obj]) => ({ group, plural, obj })));
}
