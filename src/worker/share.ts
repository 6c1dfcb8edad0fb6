// Share links: a Scenario as JSON, deflate-raw compressed, base64url-encoded after `#s=`. Decoding
// treats the payload as hostile: every step reports a clear message instead of throwing.

import { checkScenario } from './persistence/validate';
import type { Scenario } from './scenario';

/** Longest payload a link may carry (browsers and chat apps mangle longer URLs). */
export const MAX_PAYLOAD = 64 * 1024;
/** Largest JSON a payload may inflate to: a tiny deflate bomb cannot exhaust the worker's memory. */
export const MAX_INFLATED = 16 * 1024 * 1024;

type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

const kib = (n: number) => (n / 1024).toFixed(n < 10 * 1024 ? 1 : 0);

export async function encodeScenario(s: Scenario): Promise<Result<{ payload: string }>> {
  try {
    const bytes = await compress(new TextEncoder().encode(JSON.stringify(s)));
    const payload = toBase64Url(bytes);
    if (payload.length > MAX_PAYLOAD) {
      return { ok: false, message: `This scenario is too large for a link (${kib(payload.length)} KiB, limit ${kib(MAX_PAYLOAD)} KiB): export it as a file instead.` };
    }
    return { ok: true, payload };
  } catch (e) {
    return { ok: false, message: `The scenario could not be encoded: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function decodeScenario(payload: string): Promise<Result<{ scenario: Scenario }>> {
  const broken = (why: string) => ({ ok: false as const, message: `This share link is broken (${why}). Ask for a new link.` });
  if (payload.length === 0) return broken('it is empty');
  if (payload.length > MAX_PAYLOAD) return broken(`it is ${kib(payload.length)} KiB, more than the ${kib(MAX_PAYLOAD)} KiB a link may carry`);
  const bytes = fromBase64Url(payload);
  if (!bytes) return broken('it contains characters a link never has, or was cut short');
  let inflated: Uint8Array;
  try {
    const out = await decompress(bytes, MAX_INFLATED);
    if (!out) return broken('it expands to more than 16 MiB');
    inflated = out;
  } catch {
    return broken('its compressed data is damaged or incomplete');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return broken('its content is not text');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return broken('its content is not valid JSON');
  }
  const checked = checkScenario(parsed);
  if (!checked.ok) return broken(checked.message);
  return { ok: true, scenario: checked.value };
}

/** The payload of a `#s=...` fragment; undefined for any other fragment. */
export function parseShareFragment(hash: string): string | undefined {
  const m = /^#?s=(.*)$/s.exec(hash);
  return m ? m[1] : undefined;
}

async function compress(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates `data`; undefined as soon as the output would pass `limit` bytes. Throws on bad data. */
async function decompress(data: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 §5), written out: no btoa/Buffer differences between hosts. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** The bytes of a base64url string, or undefined when it is not one (bad character, bad length). */
export function fromBase64Url(s: string): Uint8Array | undefined {
  if (s.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const c of s) {
    const v = VALUES.get(c);
    if (v === undefined) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  // The leftover bits of the last character must be zero in a canonical encoding.
  if ((acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}
