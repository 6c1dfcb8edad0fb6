// The comparisons of JSONPath filters (`[?(@.x < 3)]`), ported from the text/template
// functions client-go forks (eq, lt, ...): strict about mixing kinds, as upstream is.
import type { NumberMode } from './values';
import { compareGoStrings, kindOf, numberOf } from './values';

/** A comparison between values of incompatible kinds; messages are Go's. */
export class ComparisonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComparisonError';
  }
}

type BasicKind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: unknown, mode: NumberMode): BasicKind {
  switch (kindOf(v, mode)) {
    case 'bool':
      return 'bool';
    case 'int':
    case 'int64':
      return 'int';
    case 'float64':
      return 'float';
    case 'string':
      return 'string';
    default:
      throw new ComparisonError('invalid type for comparison');
  }
}

/** Go template `eq`: same kind required (ints of any size count as one kind). */
export function goEqual(a: unknown, b: unknown, mode: NumberMode): boolean {
  const k1 = basicKind(a, mode);
  const k2 = basicKind(b, mode);
  if (k1 !== k2) throw new ComparisonError('incompatible types for comparison');
  if (k1 === 'int' || k1 === 'float') return numberOf(a) === numberOf(b);
  return a === b;
}

/** Go template `lt`: booleans cannot be ordered. */
export function goLess(a: unknown, b: unknown, mode: NumberMode): boolean {
  const k1 = basicKind(a, mode);
  const k2 = basicKind(b, mode);
  if (k1 !== k2) throw new ComparisonError('incompatible types for comparison');
  if (k1 === 'bool') throw new ComparisonError('invalid type for comparison');
  if (k1 === 'string') return compareGoStrings(a as string, b as string) < 0;
  return numberOf(a) < numberOf(b);
}

/** Applies a filter operator the way client-go's evalFilter dispatches it. */
export function compareWith(op: string, a: unknown, b: unknown, mode: NumberMode): boolean {
  switch (op) {
    case '<':
      return goLess(a, b, mode);
    case '>':
      return !(goLess(a, b, mode) || goEqual(a, b, mode));
    case '==':
      return goEqual(a, b, mode);
    case '!=':
      return !goEqual(a, b, mode);
    case '<=':
      return goLess(a, b, mode) || goEqual(a, b, mode);
    case '>=':
      return !goLess(a, b, mode);
  }
  throw new ComparisonError(`unrecognized filter operator ${op}`);
}
