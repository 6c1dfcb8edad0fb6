// Virtual time for the whole engine: a deterministic discrete-event queue ordered by
// (time, sequence), plus the seeded PRNG. Nothing in the engine reads the wall clock or
// Math.random; both live here and are part of the cluster state.

export interface TimerHandle {
  cancel(): void;
}

/**
 * A scheduled task, which is also its own handle: one object per schedule() (tens of thousands
 * per second of simulated time), not a task plus a handle wrapping it.
 */
class Task implements TimerHandle {
  cancelled = false;
  constructor(
    readonly at: number,
    readonly seq: number,
    readonly fn: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/** A binary min-heap of tasks ordered by (at, seq): O(log n) schedule and pop. */
class TaskHeap {
  private items: Task[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Task | undefined {
    return this.items[0];
  }

  push(t: Task): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i], a[p])) break;
      // Plain swaps: a destructuring swap allocated an array per step.
      const x = a[i];
      a[i] = a[p];
      a[p] = x;
      i = p;
    }
  }

  pop(): Task | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
        if (m === i) break;
        const x = a[i];
        a[i] = a[m];
        a[m] = x;
        i = m;
      }
    }
    return top;
  }
}

function less(x: Task, y: Task): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}

/** Milliseconds since the Unix epoch, in simulated time. */
export class Clock {
  private current: number;
  private seq = 0;
  private heap = new TaskHeap();
  /**
   * Tasks scheduled with no delay (about half of all: ~164,000 in the 10k-pod deploy), kept in
   * arrival order outside the heap. Each is due at the instant it was scheduled, and both its
   * time and sequence only grow, so this list is already in (time, sequence) order and merging
   * its head with the heap's top runs tasks in exactly the order one heap would, without a
   * push and pop through ~15,000 entries for each.
   */
  private now0: Task[] = [];
  private now0Head = 0;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Runs `fn` after `delayMs` of simulated time (0 = at the current instant, after what is queued). */
  schedule(delayMs: number, fn: () => void): TimerHandle {
    const task = new Task(this.current + Math.max(0, delayMs), this.seq++, fn);
    if (delayMs <= 0) this.now0.push(task);
    else this.heap.push(task);
    return task;
  }

  /** When the next pending task is due, or undefined when nothing is queued. */
  nextEventTime(): number | undefined {
    this.dropCancelled();
    return this.peekNext()?.at;
  }

  /**
   * Moves time forward by `ms`, running every task due on the way in (time, sequence) order;
   * tasks scheduled by tasks run too if they fall inside the window. Advancing 30 s at once or
   * in 600 steps of 50 ms runs the same tasks at the same instants.
   */
  advance(ms: number): void {
    this.runUntil(this.current + Math.max(0, ms));
  }

  /** Runs everything due up to and including `target`, then sets the time to `target`. */
  runUntil(target: number): void {
    for (;;) {
      this.dropCancelled();
      const next = this.peekNext();
      if (!next || next.at > target) break;
      if (next === this.heap.peek()) this.heap.pop();
      else this.shiftNow0();
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    if (target > this.current) this.current = target;
  }

  /** Runs only the tasks due at the current instant (work triggered by a request). */
  settle(): void {
    this.runUntil(this.current);
  }

  private dropCancelled(): void {
    while (this.heap.size > 0 && this.heap.peek()!.cancelled) this.heap.pop();
    while (this.now0Head < this.now0.length && this.now0[this.now0Head].cancelled) this.shiftNow0();
  }

  /** The earlier, by (time, sequence), of the heap's top and the zero-delay list's head. */
  private peekNext(): Task | undefined {
    const h = this.heap.peek();
    const z = this.now0Head < this.now0.length ? this.now0[this.now0Head] : undefined;
    if (!z) return h;
    if (!h) return z;
    return less(h, z) ? h : z;
  }

  /** Takes the zero-delay list's head; the consumed prefix is dropped once it is all consumed or large. */
  private shiftNow0(): void {
    this.now0[this.now0Head++] = undefined as unknown as Task;
    if (this.now0Head === this.now0.length) {
      this.now0.length = 0;
      this.now0Head = 0;
    } else if (this.now0Head >= 1024 && this.now0Head * 2 >= this.now0.length) {
      this.now0 = this.now0.slice(this.now0Head);
      this.now0Head = 0;
    }
  }
}

/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) whose whole state is four 32-bit words,
 * so it can be saved with the cluster and resumed exactly.
 */
export class Random {
  // The four state words as plain fields: nextUint32 runs for every generated name, uid and tie
  // break (dozens of times per pod), so it must not allocate.
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | [number, number, number, number]) {
    if (Array.isArray(seed)) {
      this.a = seed[0];
      this.b = seed[1];
      this.c = seed[2];
      this.d = seed[3];
    } else {
      let x = seed >>> 0;
      const next = () => {
        x = (x + 0x9e3779b9) >>> 0;
        let z = x;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        return (z ^ (z >>> 16)) >>> 0;
      };
      this.a = next();
      this.b = next();
      this.c = next();
      this.d = next();
      for (let i = 0; i < 12; i++) this.nextUint32();
    }
  }

  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    let c = this.c;
    const d = this.d;
    const t = (((a + b) >>> 0) + d) >>> 0;
    this.d = (d + 1) >>> 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    this.c = (c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  intn(n: number): number {
    return Math.floor(this.next() * n);
  }

  /**
   * codes[from, to) = char codes of `alphabet` at intn(alphabet.length) each, in that order: the
   * same draws and state as calling intn per character, with the state words kept in locals
   * (the call per character, and its uint32 result boxed as a heap number, cost more than the
   * arithmetic: a uid of 36 characters took ~630 ns, ~300 ns this way).
   */
  fillCodes(codes: number[], from: number, to: number, alphabet: string): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const n = alphabet.length;
    for (let i = from; i < to; i++) {
      // nextUint32, inlined.
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
      codes[i] = alphabet.charCodeAt(Math.floor((t / 4294967296) * n));
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** `n` characters from `alphabet`. */
  string(n: number, alphabet: string): string {
    // Char codes into one buffer, one string at the end (a container ID is 64 characters: a
    // string per character made a deep rope that every later hash or compare had to flatten).
    const codes = STRING_CODES;
    codes.length = n;
    this.fillCodes(codes, 0, n, alphabet);
    return n <= 4096 ? String.fromCharCode.apply(null, codes) : codes.map((c) => String.fromCharCode(c)).join('');
  }
}

const STRING_CODES: number[] = [];

/** apimachinery util/rand's alphabet for generated names: no vowels, no confusable digits. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
