// Entry point for `application/vnd.kubernetes.protobuf` request bodies: the `k8s\0` magic, the
// runtime.Unknown envelope (typeMeta, raw, contentEncoding, contentType), then the object itself.
import { decodeMessage } from './decode';
import { messageForKind } from './tables';
import { ProtobufError, readFields, toText, type WireField } from './wire';

/** The 4 bytes every Kubernetes protobuf payload starts with. */
export const PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** A decoded object (kind and apiVersion first, as Go prints them), or why it could not be decoded. */
export type ProtobufDecodeResult = { ok: true; object: Record<string, unknown> } | { ok: false; error: string };

/** The runtime.Unknown envelope's fields. */
export interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

function lastBytes(fields: WireField[], num: number): Uint8Array {
  const f = fields.filter((x) => x.num === num).at(-1);
  if (!f) return new Uint8Array(0);
  if (f.wire !== 2) throw new ProtobufError(`proto: wrong wireType = ${f.wire} for field ${num}`);
  return f.value;
}

/** Reads the magic and the runtime.Unknown envelope; throws ProtobufError when malformed. */
export function readEnvelope(body: Uint8Array): Envelope {
  if (body.length < 4 || PROTOBUF_MAGIC.some((b, i) => body[i] !== b)) {
    throw new ProtobufError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  }
  const unk = readFields(body.subarray(4), 'Unknown');
  const typeMeta = readFields(lastBytes(unk, 1), 'TypeMeta');
  return {
    apiVersion: toText(lastBytes(typeMeta, 1)),
    kind: toText(lastBytes(typeMeta, 2)),
    raw: lastBytes(unk, 2),
    contentEncoding: toText(lastBytes(unk, 3)),
    contentType: toText(lastBytes(unk, 4)),
  };
}

/**
 * Decodes a protobuf request body into the JSON object kubectl would have sent as JSON. Fails for
 * malformed bytes and for kinds the tables do not know (custom resources never travel as protobuf).
 */
export function decodeProtobufObject(body: Uint8Array): ProtobufDecodeResult {
  try {
    const env = readEnvelope(body);
    if (env.contentEncoding !== '') return { ok: false, error: `unsupported content encoding ${JSON.stringify(env.contentEncoding)}` };
    const typeMeta = { kind: env.kind, apiVersion: env.apiVersion };
    if (env.contentType === 'application/json') {
      // runtime.Unknown may carry JSON instead; keep its own fields, with the envelope's type first.
      const parsed = JSON.parse(toText(env.raw)) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: 'object expected in raw JSON' };
      return { ok: true, object: { ...typeMeta, ...(parsed as Record<string, unknown>) } };
    }
    if (env.contentType !== '' && env.contentType !== 'application/vnd.kubernetes.protobuf') {
      return { ok: false, error: `unsupported content type ${JSON.stringify(env.contentType)}` };
    }
    // runtime.NewMissingKindErr, with the envelope's TypeMeta as Go's %#v prints it.
    if (!env.kind) return { ok: false, error: `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:${JSON.stringify(env.apiVersion)}, Kind:""}'` };
    const message = messageForKind(env.apiVersion, env.kind);
    if (!message) {
      return { ok: false, error: `no kind ${JSON.stringify(env.kind)} is registered for version ${JSON.stringify(env.apiVersion)} in scheme "pkg/api/legacyscheme/scheme.go:30"` };
    }
    const object = decodeMessage(message, env.raw);
    return { ok: true, object: { ...typeMeta, ...object } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
