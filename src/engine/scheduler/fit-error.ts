// FailedScheduling messages (framework.FitError.Error): `0/N nodes are available: ` then either the
// PreFilter message or a histogram of per-node reasons sorted as strings, closed by a period,
// then the PostFilter (preemption) message.

import type { Status } from './types';

/** NoNodeAvailableMsg. */
export function noNodesAvailable(n: number): string {
  return `0/${n} nodes are available`;
}

/**
 * Builds the message. Example: statuses 1 x untolerated control-plane taint and 3 x Insufficient
 * cpu give `0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.`
 */
export function fitErrorMessage(numAllNodes: number, statuses: Iterable<Status>, preFilterMsg = '', postFilterMsg = ''): string {
  let msg = `${noNodesAvailable(numAllNodes)}:`;
  if (preFilterMsg !== '') {
    msg += ` ${preFilterMsg}.`;
  } else {
    const hist = reasonHistogram(statuses);
    if (hist.length > 0) msg += ` ${hist.join(', ')}.`;
  }
  // The PostFilter message already ends with its own period (it is a FitError message itself, or
  // a sentence such as `preemption: not eligible due to preemptionPolicy=Never.`).
  if (postFilterMsg !== '') msg += ` ${postFilterMsg}`;
  return msg;
}

/** `<count> <reason>` for each distinct reason over all nodes, sorted as Go's sort.Strings does. */
export function reasonHistogram(statuses: Iterable<Status>): string[] {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const out: string[] = [];
  for (const [r, n] of counts) out.push(`${n} ${r}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
