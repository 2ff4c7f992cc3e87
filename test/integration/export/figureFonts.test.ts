// The figure fonts are found in the packaged app's resources (the folder electron/main hands over), and
// electron-builder.yml really puts them there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { figureFontFiles, PACKAGED_FONT_FOLDER, setFigureFontFolder } from '../../../electron/node/export/figureFonts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const repoFonts = path.join(repoRoot, 'assets/fonts');
const resourcesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-resources-'));

afterAll(() => {
  // Back to the checkout's fonts for any later test in this worker.
  setFigureFontFolder(repoFonts);
  fs.rmSync(resourcesDir, { recursive: true, force: true });
});

describe('figure font lookup', () => {
  it('uses the folder the Electron main process configures (packaged: <resources>/fonts)', () => {
    const packagedFonts = path.join(resourcesDir, PACKAGED_FONT_FOLDER);
    fs.mkdirSync(packagedFonts);
    for (const name of ['SourceSans3-Regular.ttf', 'SourceSans3-Semibold.ttf', 'SourceSans3-It.ttf']) fs.copyFileSync(path.join(repoFonts, name), path.join(packagedFonts, name));
    setFigureFontFolder(packagedFonts);
    const files = figureFontFiles();
    expect(files.regular).toBe(path.join(packagedFonts, 'SourceSans3-Regular.ttf'));
    expect(files.semibold).toBe(path.join(packagedFonts, 'SourceSans3-Semibold.ttf'));
    expect(files.italic).toBe(path.join(packagedFonts, 'SourceSans3-It.ttf'));
  });

  it('falls back to the checkout when the configured folder has no fonts', () => {
    setFigureFontFolder(path.join(resourcesDir, 'missing'));
    expect(fs.realpathSync(path.dirname(figureFontFiles().regular))).toBe(fs.realpathSync(repoFonts));
  });

  it('electron-builder.yml copies assets/fonts to <resources>/fonts', () => {
    const config = fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
    const extraResources = /^extraResources:\n((?:[ \t]+.*\n)+)/m.exec(config)?.[1] ?? '';
    expect(extraResources).toMatch(/-\s+from: assets\/fonts\n\s+to: (\S+)/);
    expect(/to: (\S+)/.exec(extraResources)?.[1]).toBe(PACKAGED_FONT_FOLDER);
  });
});
