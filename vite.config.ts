/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { biblioContent } from './src/content/vite-plugin';
import { pwaManifest } from './src/client/pwa/manifest';
import { DEFAULT_XAPI_BASE } from './src/shared/xapi/activities';

export default defineConfig({
  // The base IRI of xAPI activity ids is a deployment setting shared with the server (README, Configuration).
  define: { 'import.meta.env.VITE_XAPI_BASE': JSON.stringify(process.env.XAPI_BASE || DEFAULT_XAPI_BASE) },
  plugins: [
    react(),
    biblioContent(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: pwaManifest,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      workbox: {
        // The app shell, every route chunk, every UI language and the course catalogue are
        // precached. Module files and search indexes are stored per language by the app
        // (src/client/content/offline.ts) in the `biblio-content` cache, served from there first.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'content/catalog.json'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/xapi(\/|$)/],
        cleanupOutdatedCaches: true,
        importScripts: ['/sw-sync.js'],
        runtimeCaching: [
          {
            // Revisioned URLs (?v=<hash>) never change, so the stored copy is always right.
            urlPattern: ({ url }) => url.pathname.startsWith('/content/modules/') || url.pathname.startsWith('/content/search/'),
            handler: 'CacheFirst',
            options: { cacheName: 'biblio-content' },
          },
        ],
      },
    }),
  ],
  build: {
    manifest: true,
    target: 'es2020',
    sourcemap: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
          // Route tests drive the real app through Testing Library; on a busy 2-core CI machine
          // a whole quiz takes seconds. This is a hang guard, not a speed target.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
