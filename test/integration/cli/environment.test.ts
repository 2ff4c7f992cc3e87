import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDirectory } from '../../../electron/node/cli/dataDirectory';
import { languageFromEnvironment } from '../../../electron/node/cli/language';

describe('CLI environment', () => {
  it('takes the language from LC_ALL, LC_MESSAGES, LANG in that order, German otherwise', () => {
    expect(languageFromEnvironment({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(languageFromEnvironment({ LC_ALL: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('de');
    expect(languageFromEnvironment({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LANG: 'C' })).toBe('de');
    expect(languageFromEnvironment({})).toBe('de');
  });

  it('uses the same data folder Electron would, unless KLEINRAUM_DATA_DIR overrides it', () => {
    expect(defaultDataDirectory({}, 'linux', '/home/anna')).toBe(path.join('/home/anna', '.config', 'Kleinraum'));
    expect(defaultDataDirectory({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/anna')).toBe(path.join('/cfg', 'Kleinraum'));
    expect(defaultDataDirectory({}, 'darwin', '/Users/anna')).toBe(path.join('/Users/anna', 'Library', 'Application Support', 'Kleinraum'));
    expect(defaultDataDirectory({ APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, 'win32', 'C:\\Users\\anna')).toBe(path.join('C:\\Users\\anna\\AppData\\Roaming', 'Kleinraum'));
    expect(defaultDataDirectory({ KLEINRAUM_DATA_DIR: '/tmp/k' }, 'linux', '/home/anna')).toBe(path.resolve('/tmp/k'));
  });
});
