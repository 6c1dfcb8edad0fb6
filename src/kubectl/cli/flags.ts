// Flag definitions and parsed values shared by every kubectl command (cobra/pflag semantics:
// `--name=value`, `--name value`, `-n value`, `-nvalue`, bool flags as `--force` or `--force=false`,
// repeated string-array flags accumulate).

export type FlagType = 'string' | 'bool' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Default as upstream's help shows it. */
  default?: string | boolean | number | string[];
  usage: string;
  /** For bool flags like --dry-run that also take a value: the value when given bare. */
  noOptDefault?: string;
}

export type FlagValue = string | boolean | number | string[];

/** Parsed flags: only those the user gave, plus defaults filled in by the parser. */
export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Names the user gave explicitly (pflag's Changed). */
  changed: Set<string>;
}

export function flagString(f: ParsedFlags, name: string): string | undefined {
  const v = f.values.get(name);
  return typeof v === 'string' ? v : v === undefined ? undefined : String(v);
}

export function flagBool(f: ParsedFlags, name: string): boolean {
  return f.values.get(name) === true;
}

export function flagInt(f: ParsedFlags, name: string): number | undefined {
  const v = f.values.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function flagArray(f: ParsedFlags, name: string): string[] {
  const v = f.values.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
}
