// Syntax tree of a kubectl JSONPath template, shaped like client-go util/jsonpath node.go
// so that parser and evaluator behave like upstream's node for node.

/** One bound of an array selector `[a:b:c]`; `derived` marks b computed from a single index. */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A sequence of nodes evaluated left to right (one `{...}` action, or a whole template). */
export interface ListNode {
  type: 'list';
  nodes: JsonPathNode[];
}

/** Every node kind upstream's parser produces. */
export type JsonPathNode =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

/** A new empty list node. */
export function newList(): ListNode {
  return { type: 'list', nodes: [] };
}
