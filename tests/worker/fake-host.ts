// PlaygroundHosts for worker tests: each on its own fake time, without lessons, disposed after
// every test of the file that asks for them.

import { afterEach } from 'vitest';
import { PlaygroundHost } from '../../src/worker/host';
import { FakeTime } from './fake-env';

/** The wall-clock instant the worker tests boot their clusters at. */
export const START = Date.UTC(2026, 0, 1);

/** A maker of hosts; every host it made is disposed after each test. */
export function hostsOnFakeTime(): () => { host: PlaygroundHost; time: FakeTime } {
  let hosts: PlaygroundHost[] = [];
  afterEach(() => {
    for (const h of hosts) h.dispose();
    hosts = [];
  });
  return () => {
    const time = new FakeTime();
    const host = new PlaygroundHost({ wallNow: () => time.wallNow(), schedule: (fn, ms) => time.schedule(fn, ms), lessons: [] });
    hosts.push(host);
    return { host, time };
  };
}
