import 'i18next';
import type common from '../../../locales/en/common.json';
import type competences from '../../../locales/en/competences.json';

declare module 'i18next' {
  // Module augmentation needs an interface: i18next declares CustomTypeOptions as one.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common; competences: typeof competences };
  }
}
