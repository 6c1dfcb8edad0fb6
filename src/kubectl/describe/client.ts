// What the describers need from the API: the DescribeClient they read related objects through and
// the settings of one describe run (describe.go DescriberSettings, with the time passed in).
import type { KObject } from '../../engine/api/types';

export interface DescribeClient {
  /** Lists objects of a resource (group '' = core) in a namespace ('' = all/cluster), with optional selectors. */
  list(
    group: string,
    plural: string,
    namespace: string,
    opts?: { labelSelector?: string; fieldSelector?: string },
  ): Promise<KObject[]>;
  get(group: string, plural: string, namespace: string, name: string): Promise<KObject | undefined>;
}

export interface DescribeOptions {
  /** The current instant (ms since the epoch): ages are computed against it. */
  now: number;
  /** --show-events. */
  showEvents: boolean;
  /** --chunk-size (lists are not paged by this client; kept for parity). */
  chunkSize?: number;
}

/** One describe run: the client and options every describer receives. */
export interface DescribeContext {
  client: DescribeClient;
  opts: DescribeOptions;
}

/** Lists, treating a failing list as empty (describe tolerates errors on related objects). */
export async function safeList(
  ctx: DescribeContext,
  group: string,
  plural: string,
  namespace: string,
  opts?: { labelSelector?: string; fieldSelector?: string },
): Promise<KObject[] | undefined> {
  try {
    return await ctx.client.list(group, plural, namespace, opts);
  } catch {
    return undefined;
  }
}

/** Gets, treating a failing get as not found. */
export async function safeGet(
  ctx: DescribeContext,
  group: string,
  plural: string,
  namespace: string,
  name: string,
): Promise<KObject | undefined> {
  try {
    return await ctx.client.get(group, plural, namespace, name);
  } catch {
    return undefined;
  }
}

/** A describe that cannot produce output (an invalid selector, as upstream's describers return). */
export class DescribeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DescribeError';
  }
}
