import 'i18next';
import type core from '../../../locales/en/common.json';
import type people from '../../../locales/en/people.json';
import type mentor from '../../../locales/en/mentor.json';
import type hours from '../../../locales/en/hours.json';
import type modules from '../../../locales/en/modules.json';
import type modulesAdmin from '../../../locales/en/modulesAdmin.json';
import type competences from '../../../locales/en/competences.json';

/** `common` as pages see it once their string groups are loaded (see STRING_GROUPS in i18n.ts). */
type Common = typeof core & typeof people & typeof mentor & typeof hours;

declare module 'i18next' {
  // Module augmentation needs an interface: i18next declares CustomTypeOptions as one.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: Common; competences: typeof competences; modules: typeof modules; modulesAdmin: typeof modulesAdmin };
  }
}
