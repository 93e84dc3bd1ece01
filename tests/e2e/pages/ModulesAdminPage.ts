import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import { AppShell } from './AppShell';

/** The coordinator's Modules page: the modules on the server and the import of a package. */
export class ModulesAdminPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/admin/modules');
    await expectVisible(this.listSection, 'the list of modules');
  }

  get listSection(): Locator {
    return this.main.getByRole('region', { name: this.t('modulesAdmin.listTitle'), exact: true });
  }

  get importSection(): Locator {
    return this.main.getByRole('region', { name: this.t('modulesAdmin.importTitle'), exact: true });
  }

  /** A module's card, found by its title. */
  moduleCard(title: string): Locator {
    return this.listSection.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** What the server answered instead of importing: a refused package's problems, or the lessons it would remove. */
  get report(): Locator {
    return this.importSection.getByRole('region');
  }

  /** Chooses a file for the import and sends it. */
  async importFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.importSection.getByLabel(this.t('modulesAdmin.fileLabel'), { exact: true }).setInputFiles(file);
    await this.importSection.getByRole('button', { name: this.t('modulesAdmin.import'), exact: true }).click();
  }
}
