// Build-time plugins for hosting: the service worker and web manifest (vite-plugin-pwa / Workbox:
// precache everything so the playground loads offline after one visit, under any sub-path), and
// the Content-Security-Policy meta tag (no inline script, no eval) added to the production HTML.
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/** What the page may load: its own files only; styles inline (Monaco and xterm set them). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'kubeplay-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export function offlinePlugins(): Plugin[] {
  return [
    contentSecurityPolicy(),
    ...(VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['icons/icon.svg', 'robots.txt'],
      manifest: {
        name: 'kubeplay — Kubernetes in a browser tab',
        short_name: 'kubeplay',
        description: 'A Kubernetes cluster that runs entirely in your browser: kubectl, manifests, a live cluster map.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0d1117',
        theme_color: '#326ce5',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,ttf,woff2,webmanifest,txt}'],
        // Monaco's and the engine's bundles pass Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        // Without clientsClaim the first visit is not controlled and an offline reload fails.
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
      },
    }) as Plugin[]),
  ];
}
