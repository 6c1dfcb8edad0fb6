// Defensive readers over plain-JSON objects: printers see whatever a client stored, so every
// field may be missing or of the wrong type, and Go's zero values stand in for what is absent.

/** A plain object, or an empty one for anything else (Go's zero struct). */
export function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** An array, or an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** An array of plain objects (non-objects are read as empty ones). */
export function objs(v: unknown): Record<string, unknown>[] {
  return arr(v).map(obj);
}

/** A string, or '' (Go's zero string). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A string when set, undefined otherwise (for Go's *string). */
export function optStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** An integer, or 0 (Go's zero int). */
export function int(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0;
}

/** An integer when set, undefined otherwise (for Go's *int32). */
export function optInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : undefined;
}

/** A boolean when set, undefined otherwise (for Go's *bool). */
export function optBool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** A string map (labels, annotations, selectors); non-string values are dropped. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[k] = val;
  return out;
}

/** Number of keys of a map field (len(map) in Go). */
export function mapLen(v: unknown): number {
  return Object.keys(obj(v)).length;
}

/**
 * A resource.Quantity as its String(): quantities are stored canonical, so the stored string is
 * printed as is; a number is formatted plainly; a missing quantity is the zero Quantity, `0`.
 */
export function quantity(v: unknown): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '0';
}
