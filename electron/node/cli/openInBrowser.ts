/**
 * Opens a URL in the user's default browser with the platform's own opener (xdg-open, open, start).
 * Best effort by design: on a server without a desktop, or when the opener is missing, nothing happens —
 * the URL has been printed anyway, so the user is never stuck.
 */
import { spawn } from 'node:child_process';

/** Resolves true when an opener was started, false when skipped or it could not be started. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, environment: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  let command: string;
  let args: string[];
  if (platform === 'win32') {
    // `start` is a cmd built-in; the empty "" is the window title it expects before the URL.
    command = 'cmd';
    args = ['/c', 'start', '""', url.replace(/&/g, '^&')];
  } else if (platform === 'darwin') {
    command = 'open';
    args = [url];
  } else {
    if (!environment.DISPLAY && !environment.WAYLAND_DISPLAY) return Promise.resolve(false);
    command = 'xdg-open';
    args = [url];
  }
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
