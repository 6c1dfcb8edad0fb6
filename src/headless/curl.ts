// The headless runner's `curl URL` line: a request from outside the cluster (the learner's own
// shell next to a kind cluster) to a NodePort on a node IP, a LoadBalancer IP or, later, an
// Ingress address. Same options and texts as the container's curl (-s, -S, -i, -I, -H, -X, -d).

import type { Network } from '../engine/network';
import { curl } from '../engine/kubelet/shell/net';
import type { NetHooks } from '../engine/kubelet/shell/state';

/** What one `curl ...` line prints (stdout then stderr, as a terminal shows them) and its exit code. */
export function curlLine(args: string[], network: Network): { output: string; status: number } {
  // Outside the cluster there is no cluster DNS: only IP literals resolve.
  const hooks: NetHooks = { http: (req) => network.request(req.url, { method: req.method, headers: req.headers, body: req.body }) };
  const r = curl(args, hooks);
  let output = (r.out ?? '') + (r.err ?? '');
  // `-o FILE` has nowhere to write in a transcript: the body is dropped, as curl would not print it.
  if (r.file) output = r.err ?? '';
  return { output, status: r.status };
}
