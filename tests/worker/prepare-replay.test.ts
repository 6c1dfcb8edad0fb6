// The YAML reader stays out of the worker's start-up chunk: the apiserver refuses to read a YAML
// body before it is loaded, and a journal with one (a hand-made link) loads it before its replay.

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster';
import { parseYamlBody } from '../../src/engine/codec/yaml-reader';
import { parseManifestStream } from '../../src/engine/codec/yaml-parse';
import { prepareReplay, replayJournal } from '../../src/worker/journal';
import type { JournalEntry } from '../../src/worker/scenario';

const START = Date.UTC(2026, 2, 14, 9, 30, 0);
const YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-link\ndata:\n  mode: "on"\n  note: |\n    two\n    lines\n';
const entry = (body: unknown): JournalEntry => ({
  t: START,
  op: 'request',
  req: { method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/from-link', body, contentType: 'application/apply-patch+yaml', query: { fieldManager: 'kubectl' } },
});

describe('prepareReplay and the lazily loaded YAML reader', () => {
  it('loads the reader only for a journal with a text body, then the replay reads it', async () => {
    await prepareReplay([entry({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-link' } })]);
    expect(() => parseYamlBody(YAML)).toThrow(/before the YAML reader was loaded/);

    const journal = [entry(YAML)];
    await prepareReplay(journal);
    expect(parseYamlBody(YAML)).toEqual(parseManifestStream(YAML));
    const cluster = replayJournal(createCluster({ seed: 7, nodes: 1, startTime: START }), journal, START + 1000);
    const res = cluster.server.handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/from-link' });
    expect(res.status).toBe(200);
    expect((res.body as { data: Record<string, string> }).data).toEqual({ mode: 'on', note: 'two\nlines\n' });
  });
});
