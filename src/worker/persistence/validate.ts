// Checks that untrusted data (a share link, a saved or imported state) has exactly the Scenario
// shape, and rebuilds it from the typed fields only, so nothing else can ride along into the worker.

import type { ApiRequest, Method } from '../../engine/apiserver/request';
import { SCENARIO_VERSION, type JournalEntry, type Scenario } from '../scenario';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const METHODS: ReadonlySet<string> = new Set<Method>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const NODE_ACTIONS: ReadonlySet<string> = new Set(['add', 'fail', 'recover', 'remove']);
/** Bounds that keep a hostile or corrupted input from asking for an absurd cluster. */
export const MAX_NODES = 100;
const MAX_NAME = 253;

class Invalid extends Error {}

function fail(where: string, what: string): never {
  throw new Invalid(`${where}: ${what}`);
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function obj(x: unknown, where: string): Record<string, unknown> {
  if (!isPlainObject(x)) fail(where, 'expected an object');
  return x;
}

function str(x: unknown, where: string): string {
  if (typeof x !== 'string') fail(where, 'expected a string');
  return x;
}

function num(x: unknown, where: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(where, 'expected a finite number');
  return x;
}

function int(x: unknown, where: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) fail(where, `expected an integer from ${min} to ${max}`);
  return x;
}

function optStr(x: unknown, where: string): string | undefined {
  return x === undefined ? undefined : str(x, where);
}

/** A string-to-string map, rebuilt with own data properties only (`__proto__` stays a plain key). */
export function stringMap(x: unknown, where: string): Record<string, string> {
  const o = obj(x, where);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, str(v, `${where}[${JSON.stringify(k)}]`)]));
}

/** A JSON value (what a request body may be): plain data, no functions, no cycles, finite numbers. */
function jsonValue(x: unknown, where: string, depth = 0): unknown {
  if (depth > 64) fail(where, 'nested too deeply');
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return num(x, where);
  if (Array.isArray(x)) return x.map((v, i) => jsonValue(v, `${where}[${i}]`, depth + 1));
  const o = obj(x, where);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, jsonValue(v, `${where}.${k}`, depth + 1)]));
}

function request(x: unknown, where: string): ApiRequest {
  const o = obj(x, where);
  const method = str(o.method, `${where}.method`);
  if (!METHODS.has(method)) fail(`${where}.method`, `unknown method ${JSON.stringify(method.slice(0, 20))}`);
  const path = str(o.path, `${where}.path`);
  if (!path.startsWith('/')) fail(`${where}.path`, 'expected an API path');
  const req: ApiRequest = { method: method as Method, path };
  if (o.query !== undefined) req.query = stringMap(o.query, `${where}.query`);
  if (o.body !== undefined) req.body = jsonValue(o.body, `${where}.body`);
  const contentType = optStr(o.contentType, `${where}.contentType`);
  if (contentType !== undefined) req.contentType = contentType;
  const accept = optStr(o.accept, `${where}.accept`);
  if (accept !== undefined) req.accept = accept;
  return req;
}

function nodeName(x: unknown, where: string): string {
  const name = str(x, where);
  if (name === '' || name.length > MAX_NAME) fail(where, 'expected a node name');
  return name;
}

/** One journal entry, rebuilt from its typed fields. */
export function journalEntry(x: unknown, where: string): JournalEntry {
  const o = obj(x, where);
  const t = num(o.t, `${where}.t`);
  switch (o.op) {
    case 'request':
      return { t, op: 'request', req: request(o.req, `${where}.req`) };
    case 'node': {
      const action = str(o.action, `${where}.action`);
      if (!NODE_ACTIONS.has(action)) fail(`${where}.action`, 'expected add, fail, recover or remove');
      const entry: JournalEntry = { t, op: 'node', action: action as 'add', name: nodeName(o.name, `${where}.name`) };
      if (o.shape !== undefined) {
        const s = obj(o.shape, `${where}.shape`);
        const shape: { cpu?: string; memory?: string } = {};
        const cpu = optStr(s.cpu, `${where}.shape.cpu`);
        const memory = optStr(s.memory, `${where}.shape.memory`);
        if (cpu !== undefined) shape.cpu = cpu;
        if (memory !== undefined) shape.memory = memory;
        entry.shape = shape;
      }
      return entry;
    }
    case 'command':
      return { t, op: 'command', tab: str(o.tab, `${where}.tab`), line: str(o.line, `${where}.line`) };
    case 'speed': {
      const speed = num(o.speed, `${where}.speed`);
      if (speed < 0) fail(`${where}.speed`, 'expected a speed of 0 or more');
      return { t, op: 'speed', speed };
    }
    case 'restart':
      return { t, op: 'restart' };
    default:
      return fail(`${where}.op`, 'unknown entry type');
  }
}

/** A whole scenario: right version, every field of the right type, entries in time order. */
export function checkScenario(x: unknown): Checked<Scenario> {
  try {
    const o = obj(x, 'scenario');
    if (o.v !== SCENARIO_VERSION) {
      const v = typeof o.v === 'number' ? String(o.v) : 'missing';
      return { ok: false, message: `unsupported scenario format version ${v} (this kubeplay reads version ${SCENARIO_VERSION})` };
    }
    const startTime = num(o.startTime, 'startTime');
    const journalIn = o.journal;
    if (!Array.isArray(journalIn)) fail('journal', 'expected a list');
    const journal = journalIn.map((e, i) => journalEntry(e, `journal[${i}]`));
    for (let i = 1; i < journal.length; i++) if (journal[i].t < journal[i - 1].t) fail(`journal[${i}].t`, 'entries are out of time order');
    const scenario: Scenario = {
      v: SCENARIO_VERSION,
      seed: int(o.seed, 'seed', 0, 0xffffffff),
      startTime,
      nodes: int(o.nodes, 'nodes', 0, MAX_NODES),
      files: stringMap(o.files, 'files'),
      journal,
      now: num(o.now, 'now'),
    };
    const lesson = optStr(o.lesson, 'lesson');
    if (lesson !== undefined) scenario.lesson = lesson;
    return { ok: true, value: scenario };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message };
    throw e;
  }
}

/** Terminal history: a list of strings. */
export function checkHistory(x: unknown): Checked<string[]> {
  if (!Array.isArray(x) || !x.every((l) => typeof l === 'string')) return { ok: false, message: 'history: expected a list of strings' };
  return { ok: true, value: [...x] };
}
