/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { biblioContent } from './src/content/vite-plugin';
import { pwaManifest } from './src/client/pwa/manifest';
import { isRecording, isStoredContent, neverStoreRecording } from './src/client/pwa/contentRoutes';
import { storedPhotoWidth } from './src/client/pwa/photoFallback';
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
        // The app shell, every route chunk and every UI language are precached. The course
        // catalogue is not: a coordinator's import changes it on the server without a new build,
        // so the app fetches it network first and keeps the last one (src/client/content/catalog.ts).
        // Module files and search indexes are stored per language by the app
        // (src/client/content/offline.ts) in the `biblio-content` cache, served from there first.
        // Lesson illustrations (content/media/) are stored with their module, not precached.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['content/**'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/xapi(\/|$)/],
        cleanupOutdatedCaches: true,
        importScripts: ['/sw-sync.js'],
        runtimeCaching: [
          {
            // Revisioned URLs (?v=<hash>, or a hash in an illustration's file name) never change.
            // A download made to store content (`?store=1`, src/client/content/offline.ts) goes
            // to the network: the page writes the cache, the worker only reads it.
            urlPattern: isStoredContent,
            handler: 'CacheFirst',
            // Offline, a photograph width the device did not store is answered with the one it did.
            options: { cacheName: 'biblio-content', plugins: [{ handlerDidError: storedPhotoWidth }] },
          },
          {
            // A stored video or audio answers the byte range a player asks for (to play, to seek)
            // with a 206 cut from the whole stored file (workbox-range-requests); one not stored
            // goes to the server, and the worker never stores it (src/client/pwa/contentRoutes.ts).
            urlPattern: isRecording,
            handler: 'CacheFirst',
            options: { cacheName: 'biblio-content', rangeRequests: true, plugins: [neverStoreRecording] },
          },
        ],
      },
    }),
  ],
  build: {
    manifest: true,
    target: 'es2020',
    sourcemap: false,
    // One stylesheet for the whole app (about 8 KB gzip, 3 KB more than the shell's alone): a
    // lazy page then inserts no <link> of its own, and the browser restyles the page once, not
    // again as each page's or component's sheet arrives.
    cssCodeSplit: false,
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
