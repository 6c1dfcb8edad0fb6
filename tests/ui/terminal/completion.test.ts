// What a completion reply does to the line: bell, complete, or fill the common prefix and list.
import { describe, expect, it } from 'vitest';
import { applyCompletion, commonPrefix, type CompletionOutcome } from '../../../src/ui/terminal/completion';

describe('applyCompletion', () => {
  const rows: { name: string; line: string; cursor: number; from: number; items: string[]; want: CompletionOutcome }[] = [
    { name: 'no items: bell', line: 'kubectl zz', cursor: 10, from: 8, items: [], want: { kind: 'bell' } },
    { name: 'one item: replaced + space', line: 'kubectl ge', cursor: 10, from: 8, items: ['get'], want: { kind: 'complete', edit: { line: 'kubectl get ', cursor: 12 } } },
    { name: 'one flag ending in =', line: 'k get po -o', cursor: 11, from: 9, items: ['--output='], want: { kind: 'complete', edit: { line: 'k get po --output=', cursor: 18 } } },
    { name: 'one directory', line: 'ls ma', cursor: 5, from: 3, items: ['manifests/'], want: { kind: 'complete', edit: { line: 'ls manifests/', cursor: 13 } } },
    { name: 'one item before an existing space', line: 'k ge pods', cursor: 4, from: 2, items: ['get'], want: { kind: 'complete', edit: { line: 'k get pods', cursor: 6 } } },
    { name: 'one object name', line: 'k logs web-', cursor: 11, from: 7, items: ['web-7c5ddbdf54-x8f9p'], want: { kind: 'complete', edit: { line: 'k logs web-7c5ddbdf54-x8f9p ', cursor: 28 } } },
    {
      name: 'several sharing a longer prefix: filled in and listed',
      line: 'k get po', cursor: 8, from: 6, items: ['pods', 'podtemplates'],
      want: { kind: 'list', edit: { line: 'k get pod', cursor: 9 }, items: ['pods', 'podtemplates'] },
    },
    {
      name: 'several with nothing more in common: line unchanged, listed',
      line: 'k get p', cursor: 7, from: 6, items: ['pods', 'pv'],
      want: { kind: 'list', edit: { line: 'k get p', cursor: 7 }, items: ['pods', 'pv'] },
    },
    {
      name: 'several on an empty word',
      line: 'kubectl ', cursor: 8, from: 8, items: ['apply', 'get'],
      want: { kind: 'list', edit: { line: 'kubectl ', cursor: 8 }, items: ['apply', 'get'] },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const out = applyCompletion({ line: row.line, cursor: row.cursor }, { from: row.from, items: row.items });
      expect(out.kind === 'bell' ? out : { ...out, edit: { line: out.edit.line, cursor: out.edit.cursor } }).toEqual(row.want);
    });
  }

  it('commonPrefix', () => {
    expect(commonPrefix(['deployments', 'daemonsets'])).toBe('d');
    expect(commonPrefix(['pods'])).toBe('pods');
    expect(commonPrefix([])).toBe('');
  });
});
