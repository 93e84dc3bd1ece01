import 'i18next';
import type common from '../../../locales/en/common.json';
import type competences from '../../../locales/en/competences.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common; competences: typeof competences };
  }
}
