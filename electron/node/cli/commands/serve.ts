/**
 * `kleinraum serve`: browser mode. Starts the loopback server with the app's backend (demo project open,
 * or `--project`), prints the URL with its token and runs until Ctrl+C (SIGINT) or SIGTERM.
 * The token can be fixed with `--token` or KLEINRAUM_TOKEN (end-to-end tests need a known URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../../../shared/contract/errors';
import { CliUsageError, type CliCommand } from '../command';
import { existingProjectFile } from '../projectPaths';

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

function parseToken(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  if (!/^[A-Za-z0-9_-]{8,200}$/.test(text)) {
    throw new CliUsageError({
      de: '--token (oder KLEINRAUM_TOKEN) muss 8 bis 200 Zeichen aus A–Z, a–z, 0–9, _ und - haben.',
      en: '--token (or KLEINRAUM_TOKEN) must be 8 to 200 characters from A–Z, a–z, 0–9, _ and -.',
    });
  }
  return text;
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
  summary: { de: 'Browser-Modus: Kleinraum im Browser öffnen (lokaler Server)', en: 'Browser mode: run Kleinraum in the browser (local server)' },
  usage: 'serve [--project P.gpkg] [--port N] [--host 127.0.0.1] [--open]',
  options: {
    project: { type: 'string', short: 'p' },
    port: { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean' },
    token: { type: 'string' },
    'static-dir': { type: 'string' },
  },
  optionHelp: {
    project: { de: 'diese Projektdatei öffnen (sonst das Demo-Projekt)', en: 'open this project file (otherwise the demo project)' },
    port: { de: 'Port (Standard 0 = ein freier Port)', en: 'port (default 0 = any free port)' },
    host: { de: 'Adresse (Standard 127.0.0.1; andere Adressen machen Kleinraum im Netz erreichbar)', en: 'address (default 127.0.0.1; other addresses expose Kleinraum to the network)' },
    open: { de: 'Adresse im Standardbrowser öffnen', en: 'open the address in the default browser' },
    token: { de: 'festes Zugriffstoken statt eines zufälligen (auch KLEINRAUM_TOKEN)', en: 'fixed access token instead of a random one (also KLEINRAUM_TOKEN)' },
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
    const token = parseToken(context.values.token ?? context.environment.KLEINRAUM_TOKEN);
    const staticDir = typeof context.values['static-dir'] === 'string' ? path.resolve(context.values['static-dir']) : DEFAULT_STATIC_DIR;
    const projectPath = typeof context.values.project === 'string' ? existingProjectFile(context.values.project, '--project') : null;

    const [{ createCliBackend }, { startServer }, { openInBrowser }] = await Promise.all([
      import('../backend'),
      import('../../server/startServer'),
      import('../openInBrowser'),
    ]);

    let server: Awaited<ReturnType<typeof startServer>>;
    let backend: Awaited<ReturnType<typeof createCliBackend>> | null = null;
    try {
      server = await startServer({
        api: async (emit) => {
          backend = await createCliBackend(context.dataDir, emit);
          if (projectPath) await backend.call('project.open', { path: projectPath });
          return backend.api;
        },
        staticDir,
        host,
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

    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      context.output.warn({
        de: `Hinweis: Die Oberfläche ist nicht gebaut (${staticDir} fehlt). Erst „npm run build:renderer“ ausführen.`,
        en: `Note: the user interface is not built (${staticDir} is missing). Run "npm run build:renderer" first.`,
      });
    }
    if (context.json) {
      context.output.json({ url: server.url, origin: server.origin, host: server.host, port: server.port, token: server.token, project: projectPath });
    } else {
      context.output.text({ de: `Kleinraum läuft im Browser-Modus: ${server.url}`, en: `Kleinraum is running in browser mode: ${server.url}` });
      context.output.text({ de: 'Diese Adresse im Browser öffnen. Beenden mit Strg+C.', en: 'Open this address in a browser. Stop with Ctrl+C.' });
    }
    if (context.values.open === true) await openInBrowser(server.url);

    await waitForStopSignal();
    context.output.warn({ de: 'Kleinraum wird beendet …', en: 'Stopping Kleinraum …' });
    await server.close();
    (backend as Awaited<ReturnType<typeof createCliBackend>> | null)?.dispose();
    return 0;
  },
};
