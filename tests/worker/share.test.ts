// Share links: round trips, the size limit, and every kind of broken or hostile payload coming
// back as a clear message (never a throw, never anything but the typed fields).

import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, fromBase64Url, MAX_PAYLOAD, parseShareFragment, toBase64Url } from '../../src/worker/share';
import type { Scenario } from '../../src/worker/scenario';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  v: 1,
  seed: 7,
  startTime: Date.UTC(2026, 0, 2, 3, 4, 5),
  nodes: 3,
  lesson: 'first-deployment',
  files: { 'deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web # ünïcödé ✓\n' },
  journal: [
    { t: Date.UTC(2026, 0, 2, 3, 4, 6), op: 'command', tab: 't1', line: 'kubectl apply -f deployment.yaml' },
    {
      t: Date.UTC(2026, 0, 2, 3, 4, 6),
      op: 'request',
      req: { method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web', query: { fieldManager: 'kubectl-client-side-apply' }, body: { spec: { replicas: 3 } }, contentType: 'application/strategic-merge-patch+json' },
    },
    { t: Date.UTC(2026, 0, 2, 3, 5, 0), op: 'node', action: 'add', name: 'big', shape: { cpu: '8', memory: '16Gi' } },
    { t: Date.UTC(2026, 0, 2, 3, 5, 1), op: 'speed', speed: 0 },
    { t: Date.UTC(2026, 0, 2, 3, 6, 0), op: 'restart' },
  ],
  now: Date.UTC(2026, 0, 2, 3, 7, 0),
  ...over,
});

async function payloadOf(x: unknown): Promise<string> {
  const r = await encodeScenario(x as Scenario);
  if (!r.ok) throw new Error(r.message);
  return r.payload;
}

/** A payload built from arbitrary JSON text, bypassing encodeScenario's typing. */
async function rawPayload(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function message(payload: string): Promise<string> {
  const r = await decodeScenario(payload);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}

describe('base64url', () => {
  it('round-trips every length and byte value without padding', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('rejects characters outside the alphabet, impossible lengths and non-canonical tails', () => {
    expect(fromBase64Url('ab+/')).toBeUndefined();
    expect(fromBase64Url('abcd=')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
    expect(fromBase64Url('AB')).toBeUndefined();
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
  });
});

describe('encodeScenario / decodeScenario', () => {
  it('round-trips a scenario exactly', async () => {
    const s = scenario();
    const payload = await payloadOf(s);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeScenario(payload)).toEqual({ ok: true, scenario: s });
  });

  it('round-trips a scenario without a lesson and with an empty journal', async () => {
    const s = scenario({ lesson: undefined, journal: [], files: {} });
    delete s.lesson;
    expect(await decodeScenario(await payloadOf(s))).toEqual({ ok: true, scenario: s });
  });

  it('compresses: a long journal of similar commands stays small', async () => {
    const journal: Scenario['journal'] = Array.from({ length: 500 }, (_, i) => ({ t: 1_000 + i * 1000, op: 'command', tab: 't1', line: `kubectl scale deployment web --replicas=${i % 5}` }));
    const payload = await payloadOf(scenario({ journal }));
    expect(payload.length).toBeLessThan(JSON.stringify(journal).length / 5);
    const back = await decodeScenario(payload);
    expect(back.ok && back.scenario.journal).toEqual(journal);
  });

  it('refuses a scenario over the link size limit with advice to export it', async () => {
    // Incompressible file content: hex of a simple generator, about 120 KiB of payload.
    let x = 12345;
    const noise = Array.from({ length: 90_000 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24).toString(16).padStart(2, '0')).join('');
    const r = await encodeScenario(scenario({ files: { 'big.yaml': noise } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^This scenario is too large for a link \(\d+ KiB, limit 64 KiB\): export it as a file instead\.$/);
  });
});

describe('decodeScenario on broken links', () => {
  it('says so for empty, random, truncated and altered payloads', async () => {
    const payload = await payloadOf(scenario());
    expect(await message('')).toMatch(/empty/);
    expect(await message('hello world!')).toMatch(/characters a link never has/);
    expect(await message('%%%')).toMatch(/characters a link never has/);
    expect(await message('SGVsbG8gd29ybGQ')).toMatch(/compressed data is damaged|not valid JSON|not text/);
    for (const cut of [1, 5, Math.floor(payload.length / 2)]) {
      const r = await decodeScenario(payload.slice(0, payload.length - cut));
      expect(r.ok, `cut ${cut}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^This share link is broken \(.+\)\. Ask for a new link\.$/);
    }
  });

  it('never throws and never accepts a different scenario when characters are flipped', async () => {
    const s = scenario();
    const payload = await payloadOf(s);
    for (let i = 0; i < payload.length; i += Math.max(1, Math.floor(payload.length / 60))) {
      const c = payload[i] === 'A' ? 'B' : 'A';
      const r = await decodeScenario(payload.slice(0, i) + c + payload.slice(i + 1));
      // A flip either breaks the link or (rarely) lands on a still-valid scenario: then it is typed.
      if (r.ok) expect(Object.keys(r.scenario).sort()).toEqual(Object.keys(s).sort());
      else expect(r.message).toMatch(/^This share link is broken/);
    }
  });

  it('explains bad JSON, non-text content and a wrong version', async () => {
    expect(await message(await rawPayload('{"v":1,'))).toMatch(/not valid JSON/);
    const notText = new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x80])]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    expect(await message(toBase64Url(new Uint8Array(await new Response(notText).arrayBuffer())))).toMatch(/not text/);
    expect(await message(await rawPayload(JSON.stringify({ ...scenario(), v: 2 })))).toMatch(/unsupported scenario format version 2 \(this kubeplay reads version 1\)/);
    expect(await message(await rawPayload(JSON.stringify({ ...scenario(), v: undefined })))).toMatch(/format version missing/);
    expect(await message(await rawPayload('[1,2,3]'))).toMatch(/scenario: expected an object/);
  });

  it('names the field that has the wrong type', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...scenario(), seed: 'x' }, /seed: expected an integer/],
      [{ ...scenario(), nodes: 1e9 }, /nodes: expected an integer from 0 to 100/],
      [{ ...scenario(), now: null }, /now: expected a finite number/],
      [{ ...scenario(), files: { a: 1 } }, /files\["a"\]: expected a string/],
      [{ ...scenario(), journal: {} }, /journal: expected a list/],
      [{ ...scenario(), journal: [{ t: 1, op: 'eval', code: 'x' }] }, /journal\[0\]\.op: unknown entry type/],
      [{ ...scenario(), journal: [{ t: 1, op: 'request', req: { method: 'TRACE', path: '/api' } }] }, /journal\[0\]\.req\.method: unknown method/],
      [{ ...scenario(), journal: [{ t: 1, op: 'request', req: { method: 'POST', path: 'http://evil/' } }] }, /journal\[0\]\.req\.path: expected an API path/],
      [{ ...scenario(), journal: [{ t: 1, op: 'node', action: 'explode', name: 'n' }] }, /journal\[0\]\.action/],
      [{ ...scenario(), journal: [{ t: 2, op: 'restart' }, { t: 1, op: 'restart' }] }, /journal\[1\]\.t: entries are out of time order/],
      [{ ...scenario(), journal: [{ t: 1, op: 'speed', speed: -1 }] }, /journal\[0\]\.speed/],
    ];
    for (const [value, want] of cases) expect(await message(await rawPayload(JSON.stringify(value)))).toMatch(want);
  });

  it('refuses payloads over the size limit and deflate bombs', async () => {
    expect(await message('A'.repeat(MAX_PAYLOAD + 4))).toMatch(/more than the 64 KiB a link may carry/);
    const bomb = await rawPayload(`{"v":1,"files":{"a":"${'x'.repeat(20 * 1024 * 1024)}"}}`);
    expect(bomb.length).toBeLessThan(MAX_PAYLOAD);
    expect(await message(bomb)).toMatch(/expands to more than 16 MiB/);
  });

  it('carries only the typed fields: extra keys and prototype tricks are dropped', async () => {
    const hostile =
      '{"v":1,"seed":1,"startTime":0,"nodes":1,"now":0,"extra":"<script>alert(1)</script>",' +
      '"__proto__":{"polluted":true},' +
      '"files":{"__proto__":"x","a.yaml":"ok"},' +
      '"journal":[{"t":0,"op":"command","tab":"t1","line":"ls","onload":"x"},' +
      '{"t":0,"op":"request","req":{"method":"POST","path":"/api/v1/namespaces","body":{"__proto__":{"admin":true},"metadata":{"name":"n"}},"constructor":1}},' +
      '{"t":0,"op":"node","action":"add","name":"n1","shape":{"cpu":"4","gpu":"9"}}]}';
    const r = await decodeScenario(await rawPayload(hostile));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(Object.keys(s).sort()).toEqual(['files', 'journal', 'nodes', 'now', 'seed', 'startTime', 'v']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(s.files)).toBe(Object.prototype);
    expect(Object.keys(s.files).sort()).toEqual(['__proto__', 'a.yaml']);
    expect(s.journal[0]).toEqual({ t: 0, op: 'command', tab: 't1', line: 'ls' });
    const req = s.journal[1].op === 'request' ? s.journal[1].req : undefined;
    expect(Object.keys(req ?? {}).sort()).toEqual(['body', 'method', 'path']);
    const body = req?.body as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect((body as { admin?: unknown }).admin).toBeUndefined();
    expect(s.journal[2]).toEqual({ t: 0, op: 'node', action: 'add', name: 'n1', shape: { cpu: '4' } });
  });
});

describe('parseShareFragment', () => {
  it('returns the payload of #s= and nothing for other fragments', () => {
    expect(parseShareFragment('#s=abc_-123')).toBe('abc_-123');
    expect(parseShareFragment('#s=')).toBe('');
    expect(parseShareFragment('')).toBeUndefined();
    expect(parseShareFragment('#')).toBeUndefined();
    expect(parseShareFragment('#lesson=1')).toBeUndefined();
    expect(parseShareFragment('#xs=abc')).toBeUndefined();
  });
});
