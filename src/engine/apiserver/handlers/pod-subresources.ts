// The apiserver side of pods/log and pods/exec (registry/core/pod/rest/log.go, subresources.go):
// finds the pod, resolves the container as LogLocation/ExecLocation do (with their BadRequest
// messages), then asks the kubelet of the pod's node through its NodeAgent.

import type { KObject } from '../../api/types';
import type { NodeAgents } from '../../kubelet/agents';
import type { LogLine, LogOptions } from '../../kubelet/logs';
import type { ExecResult } from '../../kubelet/process';
import { parseTime } from '../../util/time';
import type { ServerContext } from '../context';
import { getObject } from './read';
import { ApiError, badRequest, statusFailure } from '../status';

type Json = Record<string, unknown>;

function names(list: unknown): string[] {
  return (Array.isArray(list) ? (list as Json[]) : []).map((c) => String(c.name));
}

/** validateContainer: the named container, the only one, or a BadRequest listing the choices. */
export function resolveContainer(pod: KObject, container: string | undefined): string {
  const spec = (pod.spec ?? {}) as Json;
  const containers = names(spec.containers);
  const init = names(spec.initContainers);
  const ephemeral = names(spec.ephemeralContainers);
  const name = pod.metadata.name ?? '';
  if (!container) {
    if (containers.length === 1) return containers[0];
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    let msg = `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`;
    if (init.length) msg += ` or one of the init containers: [${init.join(' ')}]`;
    if (ephemeral.length) msg += ` or one of the ephemeral containers: [${ephemeral.join(' ')}]`;
    throw badRequest(msg);
  }
  if (![...containers, ...init, ...ephemeral].includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
}

function intParam(q: Record<string, string | undefined>, key: string, min: number): number | undefined {
  const v = q[key];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest(`${key}: Invalid value: "${v}": must be an integer`);
  if (n < min) throw badRequest(`${key}: Invalid value: ${n}: must be greater than ${min === 0 ? 'or equal to 0' : '0'}`);
  return n;
}

/** PodLogOptions from the query string (`container`, `previous`, `tailLines`, `sinceSeconds`, ...). */
export function logOptionsFrom(q: Record<string, string | undefined>): LogOptions {
  const bool = (k: string) => q[k] === 'true' || q[k] === '1';
  const opts: LogOptions = { container: q.container || undefined, previous: bool('previous'), timestamps: bool('timestamps'), follow: bool('follow') };
  const tail = intParam(q, 'tailLines', 0);
  if (tail !== undefined) opts.tailLines = tail;
  const since = intParam(q, 'sinceSeconds', 1);
  if (since !== undefined) opts.sinceSeconds = since;
  const limit = intParam(q, 'limitBytes', 1);
  if (limit !== undefined) opts.limitBytes = limit;
  if (q.sinceTime) opts.sinceTime = parseTime(q.sinceTime);
  if (opts.sinceSeconds !== undefined && opts.sinceTime !== undefined) throw badRequest('at most one of `sinceTime` or `sinceSeconds` may be specified');
  return opts;
}

interface Located {
  pod: KObject;
  container: string;
  node: string;
}

function locate(ctx: ServerContext, namespace: string, name: string, container: string | undefined): Located {
  const t = ctx.registry.forResource('', 'v1', 'pods');
  if (!t) throw new Error('pods are not registered');
  const pod = getObject(ctx, t, namespace, name);
  const c = resolveContainer(pod, container);
  return { pod, container: c, node: String(((pod.spec ?? {}) as Json).nodeName ?? '') };
}

function kubeletError(message: string): ApiError {
  return badRequest(message);
}

/**
 * GET pods/log: the text of the container's log. A pod not yet on a node has no log (empty, as
 * the apiserver returns no location); an unreachable kubelet is an InternalError like a dial failure.
 */
export function podLog(ctx: ServerContext, agents: NodeAgents, namespace: string, name: string, query: Record<string, string | undefined>): string {
  const opts = logOptionsFrom(query);
  const loc = locate(ctx, namespace, name, opts.container);
  if (!loc.node) return '';
  const agent = agents.get(loc.node);
  if (!agent) throw unreachable(loc.node);
  const r = agent.logs(namespace, name, loc.container, opts);
  if (!r.ok) throw kubeletError(r.message);
  return r.value;
}

/**
 * `logs -f`: sends the current log, then every new line, until the handle is stopped. Returns the
 * handle, or throws the same errors as podLog.
 */
export function followPodLog(
  ctx: ServerContext,
  agents: NodeAgents,
  namespace: string,
  name: string,
  query: Record<string, string | undefined>,
  onText: (text: string, line?: LogLine) => void,
): { stop(): void } {
  const opts = logOptionsFrom(query);
  const loc = locate(ctx, namespace, name, opts.container);
  if (!loc.node) return { stop() {} };
  const agent = agents.get(loc.node);
  if (!agent) throw unreachable(loc.node);
  const first = agent.logs(namespace, name, loc.container, { ...opts, follow: false });
  if (!first.ok) throw kubeletError(first.message);
  if (first.value) onText(first.value);
  const f = agent.followLogs(namespace, name, loc.container, { ...opts, tailLines: undefined, sinceSeconds: undefined, sinceTime: undefined }, onText);
  if (!f.ok) throw kubeletError(f.message);
  return f.value;
}

/** POST pods/exec: runs `command` in the container; the kubelet's refusal is a BadRequest upgrade error. */
export function podExec(ctx: ServerContext, agents: NodeAgents, namespace: string, name: string, req: { container?: string; command: string[]; stdin?: string }): ExecResult {
  const loc = locate(ctx, namespace, name, req.container);
  if (!loc.node) throw badRequest(`pod ${name} does not have a host assigned`);
  if (req.command.length === 0) throw badRequest('you must specify at least 1 command');
  const agent = agents.get(loc.node);
  if (!agent) throw unreachable(loc.node);
  const r = agent.exec(namespace, name, loc.container, req.command, req.stdin);
  if (!r.ok) throw kubeletError(r.message);
  return r.value;
}

function unreachable(node: string): ApiError {
  return new ApiError(statusFailure(500, 'InternalError', `Get "https://${node}:10250/containerLogs": dial tcp: lookup ${node}: no such host`));
}
