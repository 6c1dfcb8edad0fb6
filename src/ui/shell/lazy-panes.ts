// The panes hidden at first paint (Events, Browser, Details tabs), imported when first shown or at
// idle time after boot (prefetchPanes), so the page's first chunk goes without them.

export const loadEvents = () => import('../events/EventsTimeline.svelte');
export const loadBrowser = () => import('../browser/BrowserPanel.svelte');
export const loadDetails = () => import('../details/DetailsPanel.svelte');

/** Imports every hidden pane now (idle time), so opening one does not wait for the network. */
export function prefetchPanes(): Promise<unknown> {
  return Promise.all([loadEvents(), loadBrowser(), loadDetails()]);
}
