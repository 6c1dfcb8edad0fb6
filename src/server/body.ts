// Turns a request body into what the engine's ApiRequest takes: parsed JSON for JSON media types,
// the first document for YAML, raw text for server-side apply (YAML patches the engine reads itself),
// and Kubernetes protobuf decoded to the same JSON object (protobuf/envelope.ts).
import type { Status } from '../engine/api/types';
import { statusFailure } from '../engine/apiserver/status';
import { parseManifestStream } from '../engine/codec/yaml-parse';
import { decodeProtobufObject } from './protobuf/envelope';

/** A decoded body, or the 400 Status for a malformed one. */
export type DecodedBody = { ok: true; body: unknown } | { ok: false; status: Status };

/** The media type without parameters, lower-cased (`application/json; charset=utf-8` -> `application/json`). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Go's encoding/json wording for the common syntax errors, which is what upstream puts in its
 * 400 messages; anything else keeps the JavaScript text.
 */
export function goJsonError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/Unexpected end of JSON input|Unterminated string/i.test(msg)) return 'unexpected end of JSON input';
  const tok = /Unexpected token '?(.)'?/.exec(msg) ?? /Unexpected (?:non-whitespace )?character '?(.)'?/.exec(msg);
  if (tok) return `invalid character '${tok[1]}' looking for beginning of value`;
  return msg;
}

function badBody(message: string): DecodedBody {
  return { ok: false, status: statusFailure(400, 'BadRequest', message) };
}

/** Decodes `raw` according to its Content-Type; an empty body is undefined. */
export function decodeBody(raw: Buffer, contentType: string | undefined): DecodedBody {
  if (raw.length === 0) return { ok: true, body: undefined };
  const text = raw.toString('utf8');
  const mt = mediaType(contentType);
  if (mt === 'application/apply-patch+yaml') return { ok: true, body: text };
  if (mt === 'application/vnd.kubernetes.protobuf') {
    // Real kubectl's typed clients (create deployment, create secret, ...) send protobuf only.
    const decoded = decodeProtobufObject(raw);
    return decoded.ok ? { ok: true, body: decoded.object } : badBody(decoded.error);
  }
  if (mt === 'application/yaml' || mt === 'application/x-yaml' || mt === 'text/yaml') {
    const parsed = parseManifestStream(text);
    if (!parsed.ok) return badBody(`couldn't get version/kind; json parse error: ${parsed.error}`);
    return { ok: true, body: parsed.docs[0] };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (e) {
    return badBody(`couldn't get version/kind; json parse error: ${goJsonError(e)}`);
  }
}
