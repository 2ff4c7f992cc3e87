// The desktop shell: the same renderer and backend inside Electron. Electron's binary is downloaded from
// GitHub on first use, which is impossible on the development and CI machines, so this test skips there
// and runs wherever the binary is installed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
// The page-error guard of ./fixtures needs a browser page; the Electron test has its own window instead.
import { _electron as electron, expect, test } from '@playwright/test';
import { repoRoot } from '../helpers/repoRoot';

/**
 * Path of the installed Electron binary, or undefined. Deliberately does not `require('electron')`:
 * electron@45 then tries to download the binary, which hangs or fails without internet.
 */
function installedElectronBinary(): string | undefined {
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relativeBinary = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(packageDir, 'dist', relativeBinary);
    return fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const electronBinary = installedElectronBinary();

test('the Electron app opens a window that renders the demo map', async () => {
  test.skip(!electronBinary, 'Electron binary not installed (cannot be downloaded here)');
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [path.join(repoRoot, 'build', 'electron', 'main.cjs')],
    cwd: repoRoot,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.locator('body')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
    await expect(window.getByTestId('map')).toBeVisible();
  } finally {
    await app.close();
  }
});
