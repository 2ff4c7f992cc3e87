/**
 * The packaged app's Electron fuses (issue 17): electron-builder flips them in the binary at `npm run dist`,
 * so nothing at run time would notice one being dropped from electron-builder.yml. This test does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/repoRoot';

const REQUIRED_FUSES: Record<string, boolean> = {
  // The binary cannot be used as a plain Node to run other code with the app's rights.
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // Cookies and local storage encrypted with the OS keystore.
  enableCookieEncryption: true,
  // The app loads only from its app.asar, whose integrity is checked at start.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml', () => {
  it('sets the Electron fuses of issue 17 and packs the app into app.asar', () => {
    const config = fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?:[ \t]+.*\n)+)/m.exec(config)?.[1] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map((match) => [match[1], match[2] === 'true']));
    expect(fuses).toEqual(REQUIRED_FUSES);
    expect(config).toMatch(/^asar: true$/m);
  });
});
