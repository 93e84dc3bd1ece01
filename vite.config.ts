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
        // The app shell, every route chunk, every locale and all compiled course content
        // are precached, so a learner can study everything offline after the first visit.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'content/**/*.json'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/xapi(\/|$)/],
        cleanupOutdatedCaches: true,
        // Content a learner stored with "Make available offline" (when not already precached).
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/content/'),
            handler: 'StaleWhileRevalidate',
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
