/**
 * Where the CLI and browser mode keep the app's own files (recent projects, working copies of open
 * projects) — the same folder Electron's `app.getPath('userData')` would use, so desktop and browser mode
 * share the list of recent projects. `KLEINRAUM_DATA_DIR` overrides it (tests use a temporary folder).
 */
import os from 'node:os';
import path from 'node:path';

/**
 * The data folder for this user and platform.
 * @example defaultDataDirectory({}, 'linux', '/home/anna') // '/home/anna/.config/Kleinraum'
 */
export function defaultDataDirectory(
  environment: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  homeDir: string = os.homedir(),
): string {
  const override = environment.KLEINRAUM_DATA_DIR;
  if (override) return path.resolve(override);
  if (platform === 'win32') return path.join(environment.APPDATA ?? path.join(homeDir, 'AppData', 'Roaming'), 'Kleinraum');
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', 'Kleinraum');
  return path.join(environment.XDG_CONFIG_HOME ?? path.join(homeDir, '.config'), 'Kleinraum');
}
