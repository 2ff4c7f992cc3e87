/**
 * `kleinraum serve`: browser mode. Starts the loopback server with the app's backend (demo project open,
 * or `--project`), prints a start link with a one-time launch token and runs until Ctrl+C (SIGINT) or
 * SIGTERM. The long-lived token for scripts comes from KLEINRAUM_TOKEN or `--token-file` (a file only the
 * user may read), never from the command line, which every local user can see. Files are confined to the
 * home folder, the project's folder and `--allow-dir` folders; `--host` beyond loopback needs `--allow-network`.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../../../shared/contract/errors';
import { CliUsageError, type CliCommand } from '../command';
import { existingProjectFile } from '../projectPaths';
import type { createCliBackend } from '../backend';

type CliBackend = Awaited<ReturnType<typeof createCliBackend>>;

/** build/renderer of this checkout (the same four folders up from commands/ in the source and in build/node/cli). */
const DEFAULT_STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'build', 'renderer');

function parsePort(value: unknown): number {
  if (value === undefined) return 0;
  const text = String(value);
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65535) {
    throw new CliUsageError({ de: `--port erwartet eine Zahl von 0 bis 65535 (0 = freier Port), nicht „${text}“.`, en: `--port expects a number from 0 to 65535 (0 = any free port), not "${text}".` });
  }
  return port;
}

function parseToken(value: unknown, from: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim();
  if (!/^[A-Za-z0-9_-]{32,200}$/.test(text)) {
    throw new CliUsageError({
      de: `Das Token aus ${from} muss 32 bis 200 Zeichen aus A–Z, a–z, 0–9, _ und - haben (z. B. „openssl rand -base64 32 | tr '+/' '-_' | tr -d =“).`,
      en: `The token from ${from} must be 32 to 200 characters from A–Z, a–z, 0–9, _ and - (e.g. "openssl rand -base64 32 | tr '+/' '-_' | tr -d =").`,
    });
  }
  return text;
}

/** Reads the token file, which only its owner may read or write (chmod 600): others could otherwise use the token. */
function tokenFromFile(file: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliUsageError({ de: `Die Token-Datei ${file} (--token-file) gibt es nicht.`, en: `The token file ${file} (--token-file) does not exist.` });
  }
  const foreignOwner = typeof process.getuid === 'function' && stat.uid !== process.getuid();
  if (process.platform !== 'win32' && ((stat.mode & 0o077) !== 0 || foreignOwner)) {
    throw new CliUsageError({
      de: `Die Token-Datei ${file} ist für andere Benutzer lesbar oder gehört jemand anderem. Bitte „chmod 600 ${file}“ ausführen.`,
      en: `The token file ${file} is readable by other users or belongs to someone else. Please run "chmod 600 ${file}".`,
    });
  }
  return parseToken(fs.readFileSync(file, 'utf8'), '--token-file');
}

function listenErrorToUserError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new UserError('conflict', {
      de: `Port ${port} ist schon belegt. Einen anderen mit --port wählen (--port 0 nimmt einen freien).`,
      en: `Port ${port} is already in use. Choose another with --port (--port 0 picks a free one).`,
    });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new UserError('bad-input', {
      de: `Auf „${host}“ kann nicht gelauscht werden. --host 127.0.0.1 verwenden.`,
      en: `Cannot listen on "${host}". Use --host 127.0.0.1.`,
    });
  }
  if (code === 'EACCES') {
    return new UserError('bad-input', {
      de: `Port ${port} erfordert besondere Rechte. Einen Port über 1024 mit --port wählen.`,
      en: `Port ${port} needs special privileges. Choose a port above 1024 with --port.`,
    });
  }
  return error;
}

/** Waits until the server's API is made; if that fails, stops the server and passes the error on. */
async function readyOrClose(server: { ready: Promise<void>; close(): Promise<void> }): Promise<void> {
  try {
    await server.ready;
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Resolves on the first SIGINT or SIGTERM. The handlers stay installed, so a second Ctrl+C (often sent
 * both to the launcher and to us) does not kill the process in the middle of a graceful close.
 */
function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve('SIGINT'));
    process.on('SIGTERM', () => resolve('SIGTERM'));
  });
}

export const command: CliCommand = {
  name: 'serve',
  longRunning: true,
  summary: { de: 'Browser-Modus: Kleinraum im Browser öffnen (lokaler Server)', en: 'Browser mode: run Kleinraum in the browser (local server)' },
  usage: 'serve [--project P.gpkg] [--port N] [--host 127.0.0.1 [--allow-network]] [--allow-dir DIR …] [--token-file FILE] [--open]',
  options: {
    project: { type: 'string', short: 'p' },
    port: { type: 'string' },
    host: { type: 'string' },
    'allow-network': { type: 'boolean' },
    'allow-dir': { type: 'string', multiple: true },
    open: { type: 'boolean' },
    'token-file': { type: 'string' },
    'static-dir': { type: 'string' },
  },
  optionHelp: {
    project: { de: 'diese Projektdatei öffnen (sonst das Demo-Projekt)', en: 'open this project file (otherwise the demo project)' },
    port: { de: 'Port (Standard 0 = ein freier Port)', en: 'port (default 0 = any free port)' },
    host: { de: 'Adresse (Standard 127.0.0.1; andere Adressen nur mit --allow-network)', en: 'address (default 127.0.0.1; other addresses only with --allow-network)' },
    'allow-network': { de: 'im Netz erreichbar machen (unverschlüsselt: nur in vertrauenswürdigen Netzen)', en: 'make reachable over the network (unencrypted: trusted networks only)' },
    'allow-dir': { de: 'weiterer Ordner, in dem gelesen und gespeichert werden darf (neben Home und Projektordner; mehrfach möglich)', en: 'further folder to read and save in (besides home and the project folder; may be repeated)' },
    open: { de: 'Adresse im Standardbrowser öffnen', en: 'open the address in the default browser' },
    'token-file': { de: 'festes Token für Skripte aus dieser Datei (nur für den Besitzer lesbar, chmod 600; auch KLEINRAUM_TOKEN)', en: 'fixed token for scripts from this file (readable by its owner only, chmod 600; also KLEINRAUM_TOKEN)' },
    'static-dir': { de: 'Ordner der gebauten Oberfläche (Standard build/renderer)', en: 'folder of the built user interface (default build/renderer)' },
  },
  async run(context) {
    if (context.positionals.length > 0) {
      throw new CliUsageError({
        de: `Unerwartetes Argument „${context.positionals[0]}“. Eine Projektdatei wird mit --project angegeben.`,
        en: `Unexpected argument "${context.positionals[0]}". Give a project file with --project.`,
      });
    }
    const port = parsePort(context.values.port);
    const host = typeof context.values.host === 'string' && context.values.host !== '' ? context.values.host : '127.0.0.1';
    const allowNetwork = context.values['allow-network'] === true;
    const { isLoopbackHost } = await import('../../server/requestGuards');
    if (!isLoopbackHost(host) && !allowNetwork) {
      throw new CliUsageError({
        de: `--host ${host} macht Kleinraum im Netz erreichbar, und zwar unverschlüsselt. Wer das wirklich will (nur in einem vertrauenswürdigen Netz), gibt zusätzlich --allow-network an.`,
        en: `--host ${host} exposes Kleinraum to the network, unencrypted. If that is really wanted (on a trusted network only), add --allow-network.`,
      });
    }
    const tokenFile = typeof context.values['token-file'] === 'string' ? context.values['token-file'] : undefined;
    const token = tokenFile ? tokenFromFile(tokenFile) : parseToken(context.environment.KLEINRAUM_TOKEN, 'KLEINRAUM_TOKEN');
    const allowDirs = ((context.values['allow-dir'] as string[] | undefined) ?? []).map((folder) => path.resolve(folder));
    for (const folder of allowDirs) {
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
        throw new CliUsageError({ de: `Der Ordner ${folder} (--allow-dir) gibt es nicht.`, en: `The folder ${folder} (--allow-dir) does not exist.` });
      }
    }
    const staticDir = typeof context.values['static-dir'] === 'string' ? path.resolve(context.values['static-dir']) : DEFAULT_STATIC_DIR;
    const projectPath = typeof context.values.project === 'string' ? existingProjectFile(context.values.project, '--project') : null;

    const { startServer } = await import('../../server/startServer');

    let server: Awaited<ReturnType<typeof startServer>>;
    // Set by the API factory; a holder, because TypeScript does not follow assignments inside callbacks.
    const started: { backend: CliBackend | null } = { backend: null };
    try {
      server = await startServer({
        // Called once the port is open: the backend (services, the contract's schemas, the demo) loads after
        // the start link is printed, while the browser starts; the page's first request waits for it.
        api: async (emit) => {
          const [{ createCliBackend }, { confineFileAccess }, { openProjectPath, openStartProjectSoon }, { useImportWorker }] = await Promise.all([
            import('../backend'),
            import('../../services/fileAccess'),
            import('../../services/createKleinraumApi'),
            import('../../services/import/offThread'),
          ]);
          // Long imports run beside the server's event loop, so it keeps answering and import.cancel works at once.
          useImportWorker();
          const created = await createCliBackend(context.dataDir, emit);
          started.backend = created;
          if (projectPath) await created.call('project.open', { path: projectPath });
          // Without --project the demo is made now, while the browser starts, not when the page first asks.
          else openStartProjectSoon(created.api);
          // The project's folder follows the open project; home and --allow-dir folders are fixed.
          return confineFileAccess(created.api, () => {
            const projectFile = openProjectPath(created.api);
            return [os.homedir(), ...(projectFile ? [path.dirname(projectFile)] : []), ...allowDirs];
          });
        },
        staticDir,
        host,
        allowNetwork,
        port,
        token,
        onWarning: (message) => context.output.warn(message),
        onInternalError: (error) => {
          context.output.warn({ de: 'Interner Fehler bei einer Anfrage (Details mit --debug).', en: 'Internal error in a request (details with --debug).' });
          if (context.debug) context.output.warn(error instanceof Error ? (error.stack ?? error.message) : String(error));
        },
      });
    } catch (error) {
      throw listenErrorToUserError(error, host, port);
    }
    // A project file that cannot be opened is reported before any link is shown.
    if (projectPath) await readyOrClose(server);

    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      context.output.warn({
        de: `Hinweis: Die Oberfläche ist nicht gebaut (${staticDir} fehlt). Erst „npm run build:renderer“ ausführen.`,
        en: `Note: the user interface is not built (${staticDir} is missing). Run "npm run build:renderer" first.`,
      });
    }
    if (context.json) {
      context.output.json({ url: server.url, origin: server.origin, host: server.host, port: server.port, project: projectPath, allowedFolders: [os.homedir(), ...allowDirs] });
    } else {
      context.output.text({ de: `Kleinraum läuft im Browser-Modus: ${server.url}`, en: `Kleinraum is running in browser mode: ${server.url}` });
      context.output.text({
        de: 'Diese Adresse einmal im Browser öffnen (der Link gilt nur einmal). Beenden mit Strg+C.',
        en: 'Open this address once in a browser (the link works only once). Stop with Ctrl+C.',
      });
    }
    if (context.values.open === true) await (await import('../openInBrowser')).openInBrowser(server.url);
    if (!projectPath) await readyOrClose(server);

    await waitForStopSignal();
    context.output.warn({ de: 'Kleinraum wird beendet …', en: 'Stopping Kleinraum …' });
    await server.close();
    started.backend?.dispose();
    return 0;
  },
};
