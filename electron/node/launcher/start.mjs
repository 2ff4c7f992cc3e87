// `npm start`: one command that always ends with a running Kleinraum, never with a dead end.
//
// 1. Builds the renderer (vite) when build/renderer/index.html is missing or older than its sources, and
//    the command line and server bundle (nodeBundle.mjs, esbuild) when it is missing or stale.
// 2. When Electron can run here — the `electron` package has its binary (read from its path.txt, never
//    downloaded here), a display is available (Linux), and `--browser` was not given — builds the
//    Electron bundles (electron/build.ts, esbuild) when missing or stale and starts the Electron app.
// 3. Otherwise — or when Electron exits with an error within a few seconds — starts browser mode
//    (`kleinraum serve --open`), prints the URL in German and English and opens the system browser.
//
// Usage: npm start [-- --browser] [-- --port N]
// Plain JavaScript on purpose: it must run before anything is built.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBundle, isNodeBundleCurrent } from './nodeBundle.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);
const ELECTRON_EARLY_FAILURE_MS = 8000;

function say(de, en) {
  process.stderr.write(`${de}\n${en}\n`);
}

function parseLauncherArgs(argv) {
  const options = { browser: false, port: '0', passThrough: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--browser') options.browser = true;
    else if (argument === '--port') options.port = argv[++index] ?? '0';
    else if (argument.startsWith('--port=')) options.port = argument.slice('--port='.length);
    else options.passThrough.push(argument);
  }
  return options;
}

/** Newest modification time (ms) of the files under `entries` (folders are walked, node_modules skipped). */
function newestModification(entries) {
  let newest = 0;
  const visit = (entryPath) => {
    let stat;
    try {
      stat = fs.statSync(entryPath);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entryPath)) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(entryPath, name));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const entry of entries) visit(path.join(repoRoot, entry));
  return newest;
}

function modificationTime(relativePath) {
  try {
    return fs.statSync(path.join(repoRoot, relativePath)).mtimeMs;
  } catch {
    return -1;
  }
}

function isStale(outputs, sources) {
  const oldestOutput = Math.min(...outputs.map(modificationTime));
  return oldestOutput < 0 || newestModification(sources) > oldestOutput;
}

/** Runs a Node script to completion with inherited output; resolves with its exit code. */
function runNode(args, stdio = 'inherit') {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function buildRenderer() {
  if (!isStale(['build/renderer/index.html'], ['renderer', 'shared', 'assets/public', 'vite.config.ts'])) return true;
  say('Baue die Oberfläche (vite build) …', 'Building the user interface (vite build) …');
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const exitCode = await runNode([viteBin, 'build', '--logLevel', 'warn']);
  if (exitCode !== 0) {
    say(
      'Die Oberfläche konnte nicht gebaut werden (Meldungen oben). Bitte „npm ci“ ausführen und erneut „npm start“.',
      'The user interface could not be built (messages above). Please run "npm ci" and then "npm start" again.',
    );
    return false;
  }
  return true;
}

async function buildNodeBundle() {
  if (isNodeBundleCurrent()) return true;
  say('Baue Kommandozeile und Server (esbuild) …', 'Building the command line and server (esbuild) …');
  try {
    await ensureNodeBundle();
    return true;
  } catch (error) {
    say(
      `Kommandozeile und Server konnten nicht gebaut werden: ${error?.message ?? error}. Bitte „npm ci“ ausführen und erneut „npm start“.`,
      `The command line and server could not be built: ${error?.message ?? error}. Please run "npm ci" and then "npm start" again.`,
    );
    return false;
  }
}

async function buildElectronBundles() {
  if (!isStale(['build/electron/main.cjs', 'build/electron/preload.cjs'], ['electron/main', 'electron/preload', 'electron/node', 'electron/build.ts', 'shared'])) return true;
  // Build output and errors are shown only with --debug: a failure here just means browser mode.
  const stdio = process.argv.includes('--debug') ? 'inherit' : 'ignore';
  const exitCode = await runNode(['--import', 'tsx', 'electron/build.ts'], stdio);
  return exitCode === 0;
}

/**
 * The Electron binary's path when Electron can run here, else a reason (German, English) why not.
 * Reads the electron package's path.txt directly instead of `require('electron')`: that call tries to
 * download the binary (with a stack trace when offline), which must not happen on every start.
 */
function electronAvailability() {
  const notInstalled = {
    usable: false,
    reason: ['Electron ist nicht installiert (mit Internet: node node_modules/electron/install.js)', 'Electron is not installed (with internet: node node_modules/electron/install.js)'],
  };
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return notInstalled;
  }
  let executableName = '';
  try {
    executableName = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the binary was never downloaded (unless ELECTRON_OVERRIDE_DIST_PATH points to one).
  }
  // ELECTRON_OVERRIDE_DIST_PATH is the electron package's own switch for a binary kept elsewhere.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override && !executableName) executableName = process.platform === 'win32' ? 'electron.exe' : 'electron';
  const distDir = override || path.join(packageDir, 'dist');
  const binaryPath = path.join(distDir, executableName);
  if (!executableName || !fs.existsSync(binaryPath)) return notInstalled;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { usable: false, reason: ['keine grafische Anzeige (DISPLAY) vorhanden', 'no graphical display (DISPLAY) available'] };
  }
  return { usable: true, binaryPath };
}

/** Starts Electron; resolves 'failed-early' when it cannot start or exits with an error within a few seconds. */
function runElectron(binaryPath) {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const child = spawn(binaryPath, [repoRoot], { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', () => resolve('failed-early'));
    child.once('exit', (code, signal) => {
      const failed = code !== 0 && signal === null;
      resolve(failed && Date.now() - startedAt < ELECTRON_EARLY_FAILURE_MS ? 'failed-early' : (code ?? 0));
    });
  });
}

/** Browser mode: `kleinraum serve --open`, with a clear bilingual banner around its URL. */
function runBrowserMode(port, passThrough) {
  return new Promise((resolve) => {
    const cliBin = path.join(repoRoot, 'electron', 'node', 'cli', 'kleinraum.cjs');
    const child = spawn(process.execPath, [cliBin, 'serve', '--open', '--json', '--port', port, ...passThrough], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    let announced = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (announced) return;
      try {
        const { url } = JSON.parse(stdout);
        announced = true;
        process.stdout.write(
          [
            '',
            '  Kleinraum läuft im Browser-Modus / Kleinraum is running in browser mode:',
            '',
            `      ${url}`,
            '',
            '  Diese Adresse im Browser öffnen (Chrome, Edge, Firefox). Beenden mit Strg+C.',
            '  Open this address in a browser (Chrome, Edge, Firefox). Stop with Ctrl+C.',
            '',
          ].join('\n') + '\n',
        );
      } catch {
        // The JSON document may arrive in pieces; wait for the rest.
      }
    });
    // Ctrl+C reaches the whole process group; SIGTERM (e.g. from a service manager) only us: pass it on.
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    process.on('SIGINT', () => {});
    child.once('error', () => resolve(1));
    child.once('exit', (code) => {
      process.off('SIGTERM', forward);
      resolve(code ?? 0);
    });
  });
}

async function main() {
  const options = parseLauncherArgs(process.argv.slice(2));
  if (!(await buildRenderer())) return 1;
  if (!(await buildNodeBundle())) return 1;

  if (!options.browser) {
    const electron = electronAvailability();
    // The Electron bundles are only built when Electron can run: elsewhere they would be wasted time.
    const electronBundlesBuilt = electron.usable && (await buildElectronBundles());
    if (electron.usable && electronBundlesBuilt) {
      const result = await runElectron(electron.binaryPath);
      if (result !== 'failed-early') return result;
      say(
        'Electron konnte nicht gestartet werden – Kleinraum startet stattdessen im Browser-Modus.',
        'Electron could not be started – Kleinraum starts in browser mode instead.',
      );
    } else if (electron.usable) {
      say('Die Electron-Dateien konnten nicht gebaut werden – Browser-Modus.', 'The Electron bundles could not be built – browser mode.');
    } else {
      say(`Hinweis: ${electron.reason[0]} – Kleinraum startet im Browser-Modus.`, `Note: ${electron.reason[1]} – Kleinraum starts in browser mode.`);
    }
  }
  return runBrowserMode(options.port, options.passThrough);
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    say(
      'Kleinraum konnte nicht gestartet werden. Bitte „npm ci“ ausführen und erneut versuchen.',
      'Kleinraum could not be started. Please run "npm ci" and try again.',
    );
    if (process.argv.includes('--debug')) process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
