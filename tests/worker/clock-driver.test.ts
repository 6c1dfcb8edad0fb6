import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/engine/clock';
import { ClockDriver, MAX_TICK_REAL_MS } from '../../src/worker/clock-driver';
import { FakeTime } from './fake-env';

function setup() {
  const clock = new Clock(1_000_000);
  const time = new FakeTime();
  let advances = 0;
  const driver = new ClockDriver(clock, time, { onAdvance: () => advances++ });
  return { clock, time, driver, advances: () => advances };
}

describe('ClockDriver', () => {
  it('runs simulated time at 10x the real time elapsed', async () => {
    const { clock, time, driver } = setup();
    driver.setSpeed(10);
    driver.start();
    await time.advance(1000);
    expect(clock.now()).toBe(1_000_000 + 10_000);
    expect(driver.state()).toEqual({ now: 1_010_000, speed: 10, paused: false });
  });

  it('runs the events due on the way, at their instants', async () => {
    const { clock, time, driver } = setup();
    const seen: number[] = [];
    clock.schedule(2_500, () => seen.push(clock.now()));
    clock.schedule(7_000, () => seen.push(clock.now()));
    driver.setSpeed(5);
    driver.start();
    await time.advance(1000);
    expect(seen).toEqual([1_002_500]);
  });

  it('stops while paused and resumes without catching up the pause', async () => {
    const { clock, time, driver } = setup();
    driver.start();
    await time.advance(500);
    driver.pause();
    const at = clock.now();
    await time.advance(5000);
    expect(clock.now()).toBe(at);
    driver.play();
    await time.advance(100);
    expect(clock.now()).toBe(at + 100);
  });

  it('steps and skips to the next event while paused', () => {
    const { clock, driver } = setup();
    driver.pause();
    driver.step(1500);
    expect(clock.now()).toBe(1_001_500);
    let ran = false;
    clock.schedule(60_000, () => (ran = true));
    driver.skipToNextEvent();
    expect(ran).toBe(true);
    expect(clock.now()).toBe(1_061_500);
  });

  it('resolves waits when the driven clock reaches them', async () => {
    const { time, driver } = setup();
    let done = false;
    void driver.waitUntil(1_003_000).then(() => (done = true));
    driver.start();
    await time.advance(2000);
    expect(done).toBe(false);
    await time.advance(1000);
    expect(done).toBe(true);
  });

  it('caps the real time one late tick accounts for', async () => {
    const { clock, time, driver } = setup();
    driver.start();
    await time.advance(50);
    const before = clock.now();
    // A throttled background tab: the next timer fires a minute late.
    time.jump(60_000);
    await time.advance(50);
    expect(clock.now() - before).toBeLessThanOrEqual(MAX_TICK_REAL_MS + 50);
  });

  it('refuses a speed that is not positive', () => {
    const { driver } = setup();
    expect(() => driver.setSpeed(0)).toThrow();
  });
});
