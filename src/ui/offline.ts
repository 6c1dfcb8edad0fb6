// Registers the service worker that vite-plugin-pwa generates (precached app, Monaco and workers),
// so that after one visit the playground loads with the network off. Production builds only.
import { registerSW } from 'virtual:pwa-register';

export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // A new version activates on the next load (the cluster lives in IndexedDB, nothing is lost).
  registerSW({ immediate: true });
}
