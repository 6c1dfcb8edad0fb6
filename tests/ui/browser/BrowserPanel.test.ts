// The in-app browser as rendered: the address bar prefilled with the cluster's addresses, or the
// hint to expose something when nothing is reachable.
import { describe, expect, it } from 'vitest';
import BrowserPanel from '../../../src/ui/browser/BrowserPanel.svelte';
import { ingress, service } from '../map/fixtures';
import { playgroundWith, renderWith } from '../map/render';

describe('BrowserPanel', () => {
  it('offers every external address and Ingress host', () => {
    const html = renderWith(
      BrowserPanel,
      playgroundWith([
        service('web', { type: 'LoadBalancer', externalAddress: '172.18.255.200', ports: '80:31000/TCP' }),
        ingress('site', { address: '172.18.255.210', rules: [{ host: 'shop.local', path: '/', service: 'web', port: '80' }] }),
      ]),
    );
    expect(html).toContain('data-testid="browser-panel"');
    expect(html).toContain('<option value="http://172.18.255.200/">service default/web</option>');
    expect(html).toContain('<option value="http://shop.local/">ingress default/site</option>');
    expect(html).not.toContain('<iframe');
  });

  it('explains how to make something reachable', () => {
    const html = renderWith(BrowserPanel, playgroundWith([service('internal')]));
    expect(html).toContain('Nothing is reachable from outside the cluster yet');
  });
});
