// The node-side API that the apiserver's pods/log and pods/exec handlers and the metrics
// pipeline reach a kubelet through (the kubelet's own HTTP server upstream), and the registry of
// agents by node name.

import type { ExecResult, HttpRequest, HttpResponse } from './process';
import type { LogLine, LogOptions } from './logs';

export type AgentResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Resource use of one container at the last sample. */
export interface ContainerUsage {
  name: string;
  cpuMillicores: number;
  memoryBytes: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  uid: string;
  /** Simulated ms of the sample. */
  timestamp: number;
  containers: ContainerUsage[];
}

/** What one node's kubelet serves. */
export interface NodeAgent {
  readonly nodeName: string;
  /** The log of a pod's container (the container name is already resolved by the apiserver). */
  logs(namespace: string, pod: string, container: string, opts: LogOptions): AgentResult<string>;
  /** Follows a container's log: `onLine` gets each new formatted line until stopped. */
  followLogs(namespace: string, pod: string, container: string, opts: LogOptions, onLine: (text: string, line: LogLine) => void): AgentResult<{ stop(): void }>;
  /** Runs a command in a running container. */
  exec(namespace: string, pod: string, container: string, command: string[], stdin?: string): AgentResult<ExecResult>;
  /** Current use of every running pod on the node. */
  usage(): PodUsage[];
  // network (issue 4): kube-proxy delivers Service/pod traffic here.
  /** An HTTP request to a pod's port: the first running container listening there answers; 'refused' otherwise. */
  http?(namespace: string, pod: string, req: HttpRequest): HttpResponse | 'refused';
}

/** The kubelets of a cluster by node name (the apiserver's view of `nodes/<name>/proxy`). */
export class NodeAgents {
  private agents = new Map<string, NodeAgent>();

  register(agent: NodeAgent): void {
    this.agents.set(agent.nodeName, agent);
  }

  unregister(nodeName: string, agent?: NodeAgent): void {
    if (!agent || this.agents.get(nodeName) === agent) this.agents.delete(nodeName);
  }

  get(nodeName: string): NodeAgent | undefined {
    return this.agents.get(nodeName);
  }

  all(): NodeAgent[] {
    return [...this.agents.values()];
  }
}
