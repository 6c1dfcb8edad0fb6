// Describers of Namespace (with its quotas and limit ranges), ResourceQuota and LimitRange.
import type { KObject } from '../../engine/api/types';
import { Quantity } from '../../engine/api/quantity';
import { safeList } from './client';
import type { DescribeContext } from './client';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { list, qstr, quantity, rec, resourceNames, rfc1123z, sortStrings, str, strMap } from './values';
import type { J } from './values';

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function writeScopes(w: PrefixWriter, level: number, scopesField: unknown, helpPrefix: string): void {
  const scopes = sortStrings(list(scopesField).map(str));
  if (scopes.length === 0) return;
  w.write(level, `Scopes:\t${scopes.join(', ')}\n`);
  for (const s of scopes) if (SCOPE_HELP[s]) w.write(level, `${helpPrefix}${SCOPE_HELP[s]}\n`);
}

/** describeLimitRangeSpec: one row per limit type and resource, `-` for unset values. */
function describeLimitRangeSpec(spec: J, prefix: string, w: PrefixWriter): void {
  for (const item of list(spec?.limits)) {
    const cols = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'] as const;
    const names = new Set<string>();
    // Upstream iterates a Go map here (random order); the union is printed in first-seen order.
    for (const c of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(rec(item?.[c]) ?? {})) names.add(k);
    for (const k of names) {
      const v = cols.map((c) => {
        const m = rec(item?.[c]);
        return m && k in m ? qstr(m[k]) : '-';
      });
      w.write(LEVEL_0, `${prefix}${str(item?.type)}\t${k}\t${v.join('\t')}\n`);
    }
  }
}

function describeLimitRanges(items: J[], w: PrefixWriter): void {
  if (items.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of items) describeLimitRangeSpec(lr?.spec, ' ', w);
}

function describeResourceQuotas(items: J[], w: PrefixWriter): void {
  if (items.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  const sorted = [...items].sort((a, b) => (str(a?.metadata?.name) < str(b?.metadata?.name) ? -1 : str(a?.metadata?.name) > str(b?.metadata?.name) ? 1 : 0));
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${str(q?.metadata?.name)}\n`);
    writeScopes(w, LEVEL_1, q?.spec?.scopes, '* ');
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = rec(q?.status?.hard) ?? {};
    const used = rec(q?.status?.used) ?? {};
    for (const r of resourceNames(hard)) w.write(LEVEL_1, `${r}\t${qstr(used[r])}\t${qstr(hard[r])}\n`);
  }
}

/** kubectl describe namespace. */
export async function describeNamespace(ns: KObject, ctx: DescribeContext): Promise<string> {
  const o = ns as J;
  const name = str(o.metadata?.name);
  const quotas = await safeList(ctx, '', 'resourcequotas', name);
  const limitRanges = await safeList(ctx, '', 'limitranges', name);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Status:\t${str(o.status?.phase)}\n`);
    const conds = list(o.status?.conditions);
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conds) {
        w.write(LEVEL_1, `${str(c?.type)}\t${str(c?.status)}\t${rfc1123z(c?.lastTransitionTime)}\t${str(c?.reason)}\t${str(c?.message)}\n`);
      }
    }
    if (quotas) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(quotas, w);
    }
    if (limitRanges) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(limitRanges, w);
    }
  });
}

/** kubectl describe limitrange. */
export function describeLimitRange(lr: KObject): Promise<string> {
  const o = lr as J;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(o.spec, '', w);
  });
}

/** kubectl describe resourcequota: Used is shown in Hard's format when they differ. */
export function describeQuota(rq: KObject): Promise<string> {
  const o = rq as J;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    writeScopes(w, LEVEL_0, o.spec?.scopes, ' * ');
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = rec(o.status?.hard) ?? {};
    const used = rec(o.status?.used) ?? {};
    for (const r of resourceNames(hard)) {
      const h = quantity(hard[r]) ?? Quantity.zero();
      let u = quantity(used[r]) ?? Quantity.zero();
      if (u.format !== h.format) u = Quantity.fromValue(u.value(), h.format);
      w.write(LEVEL_0, `${r}\t${u.toString()}\t${h.toString()}\n`);
    }
  });
}
