import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PACKAGE_LIMITS, readPackage, writePackage } from '../../../src/content/package';
import { readTree } from '../../../src/content/tree';

const text = (value: string) => new TextEncoder().encode(value);
const codes = (zip: Uint8Array) => {
  const read = readPackage(zip);
  return read.ok ? [] : read.problems.map((p) => `${p.file}: ${p.code}`);
};
const minimal: Zippable = { 'alpha/module.yaml': text('id: alpha\n'), 'alpha/en/01-first.md': text('---\ntitle: A\n---\n') };

describe('module packages', () => {
  it('packs a module folder and reads it back byte for byte', () => {
    const files = readTree('modules/online-safety');
    const read = readPackage(writePackage({ folder: 'online-safety', files }));
    expect(read.ok && read.package.folder).toBe('online-safety');
    expect(read.ok && read.package.files).toEqual(files);
  });

  it('makes the same package from the same files', () => {
    const files = readTree('modules/online-safety');
    expect(writePackage({ folder: 'online-safety', files })).toEqual(writePackage({ folder: 'online-safety', files }));
  });

  it('reads files zipped at the top, named by module.yaml', () => {
    const read = readPackage(
      zipSync({ 'module.yaml': text('id: beta\n'), 'quiz.yaml': text('x: 1\n'), '__MACOSX/._quiz.yaml': text('x') }),
    );
    expect(read.ok && read.package.folder).toBe('beta');
    expect(read.ok && [...read.package.files.keys()]).toEqual(['module.yaml', 'quiz.yaml']);
  });

  it.each([
    ['a path out of the folder', { ...minimal, 'alpha/../evil.md': text('x') }, 'alpha/../evil.md: entryUnsafePath'],
    ['an absolute path', { ...minimal, '/etc/passwd': text('x') }, '/etc/passwd: entryUnsafePath'],
    ['an unknown file type', { ...minimal, 'alpha/media/run.exe': text('MZ') }, 'alpha/media/run.exe: entryType'],
    ['a file a module does not hold', { ...minimal, 'alpha/notes.txt': text('x') }, 'alpha/notes.txt: entryType'],
    ['a lesson too large', { ...minimal, 'alpha/en/02-big.md': text('word '.repeat(60_000)) }, 'alpha/en/02-big.md: entryTooLarge'],
    [
      'a link',
      { ...minimal, 'alpha/media/link.svg': [text('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] },
      'alpha/media/link.svg: entryLink',
    ],
    ['a file compressed like a bomb', { ...minimal, 'alpha/en/02-air.md': text(' '.repeat(200_000)) }, 'alpha/en/02-air.md: entryRatio'],
  ] satisfies [string, Zippable, string][])('refuses %s', (_name, files, expected) => {
    expect(codes(zipSync(files))).toEqual([expected]);
  });

  it('refuses an entry that unpacks to more than it declares', () => {
    const zip = zipSync({ 'alpha/module.yaml': text(`id: alpha\n${'#'.repeat(5000)}\n`) });
    // Lower the size the central directory declares, as a bomb does to pass a size check.
    const view = new DataView(zip.buffer);
    const central = zip.findIndex((_, at) => at + 4 <= zip.length && view.getUint32(at, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    expect(codes(zip)).toEqual(['alpha/module.yaml: entrySizeMismatch']);
  });

  it('refuses a package of too many entries, something not a zip, a package without module.yaml', () => {
    const many: Zippable = { ...minimal };
    for (let i = 0; i <= PACKAGE_LIMITS.entries; i++) many[`alpha/media/m${i}.svg`] = text('<svg/>');
    expect(codes(zipSync(many))).toEqual(['package.zip: packageTooManyEntries']);
    expect(codes(text('just text, no zip'))).toEqual(['package.zip: packageNotZip']);
    expect(codes(zipSync({ 'alpha/quiz.yaml': text('x: 1') }))).toEqual(['package.zip: packageNoModule']);
  });

  it('refuses a package over the size limit before reading it', () => {
    expect(codes(new Uint8Array(PACKAGE_LIMITS.zipBytes + 1))).toEqual(['package.zip: packageTooLarge']);
  });
});
