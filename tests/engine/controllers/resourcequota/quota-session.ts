// Test helper: a full cluster with the LimitRanger and ResourceQuota admission plugins and the
// quota controller added (as the lead wires them), driven by kubectl commands.
import { createCluster } from '../../../../src/engine/cluster';
import { loadAllOpenApi } from '../../../../src/engine/api/openapi';
import { Session } from '../../../../src/headless/session';
import { limitRanger } from '../../../../src/engine/apiserver/admission/limit-range';
import { resourceQuotaAdmission } from '../../../../src/engine/apiserver/admission/resource-quota';
import { resourceQuotaControllerFactory } from '../../../../src/engine/controllers/resourcequota/controller';

export interface QuotaSession {
  /** Runs one kubectl command line (args split on spaces) with optional stdin; returns its output. */
  kubectl(line: string, stdin?: string): Promise<string>;
  advance(ms: number): void;
  session: Session;
}

export async function quotaSession(): Promise<QuotaSession> {
  await loadAllOpenApi();
  // The default cluster runs LimitRanger and ResourceQuota admission and the quota controller.
  const cluster = createCluster({ seed: 1 });
  cluster.settle();
  const session = new Session(cluster);
  return {
    session,
    advance: (ms) => cluster.advance(ms),
    async kubectl(line, stdin) {
      let out = '';
      const { done } = session.run(line.split(' ').filter(Boolean), (s) => (out += s), stdin);
      await done;
      return out;
    },
  };
}
