// The differential test's table: session scripts (the headless runner's language) that run on
// both twins, command by command. Setup commands are compared too.

export interface DiffSession {
  name: string;
  script: string;
  nodes?: number;
  seed?: number;
  /** Why the row cannot run yet (it is then `it.skip`ped, naming the dependency). */
  pending?: string;
}


import { CORE_SESSIONS } from './sessions-core';
import { MORE_SESSIONS } from './sessions-more';
import { WORKLOAD_SESSIONS } from './sessions-workloads';
import { TUTORIAL_SESSIONS } from './sessions-tutorial';

/** Every row of the differential test, in order. */
export const SESSIONS: DiffSession[] = [...CORE_SESSIONS, ...MORE_SESSIONS, ...WORKLOAD_SESSIONS, ...TUTORIAL_SESSIONS];
