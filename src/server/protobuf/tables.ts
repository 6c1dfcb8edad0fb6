// Reads the generated compact tables (tables.generated.ts) into field specs, on first use per message.
// Format of one field: `json=number:FLAGS TYPE`, fields joined by `|` in Go declaration order.
//   FLAGS: `*` Go pointer, `?` omitempty, `~` embedded with json:",inline", `[` repeated,
//          `{K` map with key scalar K.   TYPE: a scalar code or a message (`Name` or `pkg.Name`).
import { KIND_TABLE, MESSAGE_TABLE } from './tables.generated';

/** Scalar codes: string, int32, int64, bool, bytes, double. */
export type Scalar = 's' | 'i' | 'l' | 'b' | 'y' | 'd';

const SCALARS = new Set<string>(['s', 'i', 'l', 'b', 'y', 'd']);

/** One field of a message, with what Go's encoding/json needs to print it. */
export interface FieldSpec {
  /** JSON name; '' for an inlined embedded struct. */
  json: string;
  num: number;
  pointer: boolean;
  omitempty: boolean;
  inline: boolean;
  container: 'single' | 'repeated' | 'map';
  keyType?: Scalar;
  /** A scalar code, or a full message name such as `meta/v1.ObjectMeta`. */
  type: string;
}

/** True for a scalar type code. */
export function isScalar(type: string): type is Scalar {
  return SCALARS.has(type);
}

const cache = new Map<string, FieldSpec[]>();

function parseField(enc: string, pkg: string, message: string): FieldSpec {
  const m = /^([^=]*)=(\d+):([*?~[]*)(\{[sil])?(.+)$/.exec(enc);
  if (!m) throw new Error(`bad protobuf table entry in ${message}: ${enc}`);
  const [, json, num, flags, map, type] = m;
  return {
    json,
    num: Number(num),
    pointer: flags.includes('*'),
    omitempty: flags.includes('?'),
    inline: flags.includes('~'),
    container: map ? 'map' : flags.includes('[') ? 'repeated' : 'single',
    keyType: map ? (map[1] as Scalar) : undefined,
    type: isScalar(type) || type.includes('.') ? type : `${pkg}.${type}`,
  };
}

/** The fields of message `name` (`core/v1.Pod`), or undefined when the tables do not know it. */
export function messageFields(name: string): FieldSpec[] | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  const enc = Object.hasOwn(MESSAGE_TABLE, name) ? MESSAGE_TABLE[name] : undefined;
  if (enc === undefined) return undefined;
  const pkg = name.slice(0, name.lastIndexOf('.'));
  const fields = enc === '' ? [] : enc.split('|').map((f) => parseField(f, pkg, name));
  cache.set(name, fields);
  return fields;
}

/** The message for a top-level `apiVersion` + `kind` (`apps/v1`, `Deployment`), if built in. */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  const key = `${apiVersion}|${kind}`;
  if (Object.hasOwn(KIND_TABLE, key)) return KIND_TABLE[key];
  // Options and WatchEvent are registered in every group version (metav1.AddToGroupVersion).
  if (OPTIONS_KINDS.has(kind)) return `meta/v1.${kind}`;
  return undefined;
}

const OPTIONS_KINDS = new Set(['DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions', 'GetOptions', 'ListOptions', 'WatchEvent']);
