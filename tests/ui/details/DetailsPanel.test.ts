// The details panel as rendered for a selection: the tabs per kind, Edit only with a handler,
// the notice for a deleted object, and the hint when nothing is selected.
import { describe, expect, it } from 'vitest';
import DetailsPanel from '../../../src/ui/details/DetailsPanel.svelte';
import { pod, workload } from '../map/fixtures';
import { attrs, playgroundWith, renderWith } from '../map/render';

describe('DetailsPanel', () => {
  it('asks for a selection when there is none', () => {
    expect(renderWith(DetailsPanel, playgroundWith([]))).toContain('Click a node, pod, workload');
  });

  it('gives a pending pod Describe, YAML, Events, Logs and Why pending, and an Edit button', () => {
    const pg = playgroundWith([pod('web-1', { phase: 'Pending', status: 'Pending', isReady: false })]);
    pg.selected = { kind: 'Pod', namespace: 'default', name: 'web-1' };
    const html = renderWith(DetailsPanel, pg, { onEdit: () => {} });
    expect(attrs(html, 'data-tab')).toEqual(['describe', 'yaml', 'events', 'logs', 'placement']);
    expect(html).toContain('Why pending');
    expect(html).toContain('data-testid="details-edit"');
    expect(html).not.toContain('no longer exists');
  });

  it('gives a Deployment three tabs, no Edit without a handler, and says when it is gone', () => {
    const pg = playgroundWith([workload('Deployment', 'other')]);
    pg.selected = { kind: 'Deployment', namespace: 'default', name: 'web' };
    const html = renderWith(DetailsPanel, pg);
    expect(attrs(html, 'data-tab')).toEqual(['describe', 'yaml', 'events']);
    expect(html).not.toContain('data-testid="details-edit"');
    expect(html).toContain('deployment/web no longer exists');
  });
});
