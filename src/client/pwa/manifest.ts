import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest; icons live in public/icons. */
export const pwaManifest: Partial<ManifestOptions> = {
  name: 'Biblio Study',
  short_name: 'Biblio Study',
  description: 'Study library courses at your own pace, online or offline.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#124a7a',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
