// Lessons never rot: every step's check fails (with its reason) before the step's solution runs and
// passes after it, on one cluster, steps in order, as a learner would do them.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons';
import { clusterObjects } from '../../src/lessons/objects';
import { createCluster } from '../../src/engine/cluster';
import { loadAllOpenApi } from '../../src/engine/api/openapi';
import { Session } from '../../src/headless/session';
import { runSteps } from '../../src/headless/runner';
import { parseScript } from '../../src/headless/script';

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('each check fails with a reason before its solution and passes after it', async () => {
    await loadAllOpenApi();
    const cluster = createCluster({ seed: 7 });
    const session = new Session(cluster);
    const objects = clusterObjects(cluster);
    for (const step of lesson.steps) {
      if (step.setup) await runSteps(parseScript(step.setup), session, () => {});
      const before = step.check(objects);
      expect(before.ok, `${step.title}: passes before its solution`).toBe(false);
      if (!before.ok) expect(before.reason.length).toBeGreaterThan(10);
      let transcript = '';
      await runSteps(parseScript(step.solution), session, (s) => (transcript += s));
      const after = step.check(objects);
      expect(after, `${step.title}: after its solution\n${transcript}`).toEqual({ ok: true });
    }
  });

  it('has an id, a title and steps with text, hints and a solution', () => {
    expect(lesson.id).toMatch(/^[a-z0-9-]+$/);
    expect(lesson.steps.length).toBeGreaterThan(0);
    for (const s of lesson.steps) {
      expect(s.text.length).toBeGreaterThan(20);
      expect(() => parseScript(s.solution)).not.toThrow();
    }
  });
});

describe('first-deployment checks explain what is missing', () => {
  it('reports ready replicas while a scale-up is in progress', async () => {
    await loadAllOpenApi();
    const cluster = createCluster({ seed: 3 });
    const session = new Session(cluster);
    const step = LESSONS[0].steps[1];
    await runSteps(parseScript(LESSONS[0].steps[0].solution), session, () => {});
    await runSteps(parseScript('kubectl scale deployment sample-deployment --replicas=3'), session, () => {});
    expect(step.check(clusterObjects(cluster))).toEqual({ ok: false, reason: 'The Deployment "sample-deployment" has 1 ready replica of 3.' });
  });
});
