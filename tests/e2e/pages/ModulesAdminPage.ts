import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import { AppShell } from './AppShell';

/** The coordinator's Modules page: the modules on the server, the import of a package and the pathway editor. */
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

  get pathwaysSection(): Locator {
    return this.main.getByRole('region', { name: this.t('modulesAdmin.pathwaysTitle'), exact: true });
  }

  /** The choice of the pathway to edit. */
  get pathwaySelect(): Locator {
    return this.pathwaysSection.getByRole('combobox', { name: this.t('modulesAdmin.pathwayLabel'), exact: true });
  }

  /** The chosen pathway's modules, in study order. */
  get pathwayModules(): Locator {
    return this.pathwaysSection.locator('ol > li');
  }

  /** A module's move or remove button in the pathway, named after the module ("Move down “E-signature”"). */
  pathwayButton(kind: 'moveUp' | 'moveDown' | 'removeFromPathway', title: string): Locator {
    const name = `${this.t(`modulesAdmin.${kind}`)} ${this.t('modulesAdmin.ofModule', { title })}`;
    return this.pathwaysSection.getByRole('button', { name, exact: true });
  }

  /** The notice that the chosen pathway has changes not saved yet. */
  get pathwayUnsaved(): Locator {
    return this.pathwaysSection.getByText(this.t('modulesAdmin.pathwayUnsaved'), { exact: true });
  }

  get pathwaySave(): Locator {
    return this.pathwaysSection.getByRole('button', { name: this.t('modulesAdmin.pathwaySave'), exact: true });
  }

  /** Chooses a file for the import and sends it. */
  async importFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.importSection.getByLabel(this.t('modulesAdmin.fileLabel'), { exact: true }).setInputFiles(file);
    await this.importSection.getByRole('button', { name: this.t('modulesAdmin.import'), exact: true }).click();
  }
}
