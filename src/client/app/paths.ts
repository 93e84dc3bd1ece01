/** Every route of the app, in one table: links are built from here, never by hand. */
export const paths = {
  home: () => '/',
  catalog: () => '/catalog',
  module: (moduleId: string) => `/modules/${encodeURIComponent(moduleId)}`,
  lesson: (moduleId: string, lessonId: string) => `/modules/${encodeURIComponent(moduleId)}/lessons/${encodeURIComponent(lessonId)}`,
  quiz: (moduleId: string) => `/modules/${encodeURIComponent(moduleId)}/quiz`,
  learning: () => '/learning',
  settings: () => '/settings',
  signIn: () => '/sign-in',
  signUp: () => '/sign-up',
  account: () => '/account',
  setup: () => '/setup',
  admin: () => '/admin',
} as const;

/** Route patterns for the router, matching `paths`. */
export const routePatterns = {
  home: '/',
  catalog: '/catalog',
  module: '/modules/:moduleId',
  lesson: '/modules/:moduleId/lessons/:lessonId',
  quiz: '/modules/:moduleId/quiz',
  learning: '/learning',
  settings: '/settings',
  signIn: '/sign-in',
  signUp: '/sign-up',
  account: '/account',
  setup: '/setup',
  admin: '/admin',
} as const;
