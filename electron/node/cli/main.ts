/**
 * The `kleinraum` command line: parses global options, finds the command and runs it, and turns every
 * failure into the one or two lines on stderr and the exit code that docs/cli-contract.md promises
 * (1 bad input, 2 usage; a stack trace only with --debug).
 *
 * Adding a command: create `commands/<name>.ts` exporting `command: CliCommand` (see command.ts). It is
 * found by its file name; nothing else needs to change. Keep heavy imports inside `run` (dynamic import)
 * so that `kleinraum --help` stays fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UserError } from '../../../shared/contract/errors';
import { CliUsageError, type CliCommand, type CliLanguage, type CliOptions } from './command';
import { findCommandName } from './commandName.cjs';
import { defaultDataDirectory } from './dataDirectory';
import { isCliLanguage, languageFromEnvironment } from './language';
import { createCliOutput, type OutputStreams } from './output';
import { packageVersion } from './packageVersion';

const COMMANDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

const GLOBAL_OPTIONS: CliOptions = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  debug: { type: 'boolean' },
  'data-dir': { type: 'string' },
};

const GLOBAL_HELP: Record<string, { de: string; en: string }> = {
  '--json': { de: 'genau ein JSON-Dokument auf stdout ausgeben', en: 'print exactly one JSON document on stdout' },
  '--lang de|en': { de: 'Sprache der Meldungen (Standard: aus LANG, sonst de)', en: 'message language (default: from LANG, else de)' },
  '--debug': { de: 'bei Fehlern technische Details ausgeben', en: 'print technical details on errors' },
  '--data-dir DIR': { de: 'Ordner für zuletzt geöffnete Projekte und Arbeitskopien (auch KLEINRAUM_DATA_DIR)', en: 'folder for recent projects and working copies (also KLEINRAUM_DATA_DIR)' },
  '--version': { de: 'Version ausgeben', en: 'print the version' },
  '--help': { de: 'Hilfe ausgeben (auch: kleinraum BEFEHL --help)', en: 'print help (also: kleinraum COMMAND --help)' },
};

/** Loads one command's module. */
export type CommandLoader = () => Promise<{ command?: CliCommand }>;

// The prebuilt bundle is one file: its entry registers every command here (launcher/nodeBundle.mjs).
// From source (tests), the commands are the files in commands/.
let bundledCommands: Record<string, CommandLoader> | null = null;

/** Called by the bundle's entry module with a loader per command; the folder is not read then. */
export function useBundledCommands(loaders: Record<string, CommandLoader>): void {
  bundledCommands = loaders;
}

/** Names of the available commands: the bundle's, else the files in commands/. */
export function listCommandNames(): string[] {
  if (bundledCommands) return Object.keys(bundledCommands).sort();
  return fs
    .readdirSync(COMMANDS_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('_'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

async function loadCommand(name: string): Promise<CliCommand | null> {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !listCommandNames().includes(name)) return null;
  const loader = bundledCommands?.[name] ?? (() => import(pathToFileURL(path.join(COMMANDS_DIR, `${name}.ts`)).href) as ReturnType<CommandLoader>);
  return (await loader()).command ?? null;
}

/** `--lang` as given (for messages even before the full parse succeeded), else from the environment. */
function preliminaryLanguage(argv: readonly string[], environment: NodeJS.ProcessEnv): CliLanguage {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const value = argument === '--lang' ? argv[index + 1] : argument.startsWith('--lang=') ? argument.slice('--lang='.length) : undefined;
    if (isCliLanguage(value)) return value;
  }
  return languageFromEnvironment(environment);
}

async function globalHelp(lang: CliLanguage): Promise<string> {
  const lines = [
    lang === 'de' ? 'Kleinraum – kleinräumige Analysen für die Sozialplanung' : 'Kleinraum – small-area analysis for social planning',
    '',
    lang === 'de' ? 'Aufruf: kleinraum BEFEHL [OPTIONEN]' : 'Usage: kleinraum COMMAND [OPTIONS]',
    '',
    lang === 'de' ? 'Befehle:' : 'Commands:',
  ];
  for (const name of listCommandNames()) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(16)}${command.summary[lang]}`);
  }
  lines.push('', lang === 'de' ? 'Allgemeine Optionen:' : 'Global options:');
  for (const [flag, text] of Object.entries(GLOBAL_HELP)) lines.push(`  ${flag.padEnd(16)}${text[lang]}`);
  return lines.join('\n');
}

function commandHelp(command: CliCommand, lang: CliLanguage): string {
  const lines = [command.summary[lang], '', `${lang === 'de' ? 'Aufruf' : 'Usage'}: kleinraum ${command.usage}`];
  const optionNames = Object.keys(command.optionHelp);
  if (optionNames.length > 0) {
    lines.push('', lang === 'de' ? 'Optionen:' : 'Options:');
    for (const name of optionNames) {
      const kind = command.options[name]?.type === 'string' ? ` ${name.toUpperCase().replace(/-/g, '_')}` : '';
      const text = command.optionHelp[name];
      // At least one space, also after long flags such as --permutations PERMUTATIONS.
      lines.push(`${`  --${name}${kind}`.padEnd(25)} ${text ? text[lang] : ''}`.trimEnd());
    }
  }
  lines.push('', lang === 'de' ? 'Allgemeine Optionen: --json, --lang de|en, --debug, --data-dir DIR (siehe kleinraum --help)' : 'Global options: --json, --lang de|en, --debug, --data-dir DIR (see kleinraum --help)');
  return lines.join('\n');
}

/** Rewrites node:util's English parse errors into a bilingual message that names the flag. */
function usageErrorFromParseError(error: unknown, commandName: string | null): CliUsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // Prefer the long form: "Option '-o, --out <value>' argument missing" should name --out.
  const flag = /--[A-Za-z0-9][A-Za-z0-9-]*/.exec(message)?.[0] ?? /'(-[^' ,]+)/.exec(message)?.[1] ?? '';
  const helpHint = commandName ? `kleinraum ${commandName} --help` : 'kleinraum --help';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new CliUsageError({ de: `Unbekannte Option ${flag}. Mögliche Optionen: ${helpHint}`, en: `Unknown option ${flag}. Available options: ${helpHint}` });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new CliUsageError({ de: `Option ${flag} braucht einen Wert (z. B. ${flag} WERT). Hilfe: ${helpHint}`, en: `Option ${flag} needs a value (e.g. ${flag} VALUE). Help: ${helpHint}` });
  }
  return new CliUsageError({ de: `Ungültiger Aufruf: ${message}. Hilfe: ${helpHint}`, en: `Invalid call: ${message}. Help: ${helpHint}` });
}

/**
 * Runs the CLI with `argv` (without node and script) and resolves with the exit code; never throws.
 * @example await runCli(['info', 'demo.gpkg', '--json']) // 0, one JSON document on stdout
 */
export async function runCli(argv: readonly string[], environment: NodeJS.ProcessEnv = process.env, streams: OutputStreams = process): Promise<number> {
  let lang = preliminaryLanguage(argv, environment);
  let debug = argv.includes('--debug');
  const { name: commandName, index: commandIndex } = findCommandName(argv);
  try {
    // zod compiles a checking function for each object schema, which pays only when the schema is used
    // again and again. A one-shot command checks each input and output about once, so it runs without the
    // compiler. zod reads the switch when a schema is built: it is set before the command and the contract
    // methods it calls are loaded, and switched back for a long-running command (serve), whose method
    // schemas load later, at their first request.
    z.config({ jitless: true });
    const command = commandName === null ? null : await loadCommand(commandName);
    if (command?.longRunning) z.config({ jitless: false });
    if (commandName !== null && command === null) {
      const known = listCommandNames().join(', ');
      throw new CliUsageError({
        de: `Unbekannter Befehl „${commandName}“. Verfügbare Befehle: ${known} (kleinraum --help)`,
        en: `Unknown command "${commandName}". Available commands: ${known} (kleinraum --help)`,
      });
    }
    const remaining = commandIndex === -1 ? [...argv] : [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: remaining, options: { ...GLOBAL_OPTIONS, ...(command?.options ?? {}) }, allowPositionals: true, strict: true });
    } catch (error) {
      throw usageErrorFromParseError(error, commandName);
    }
    const { help, version, json, lang: langValue, debug: debugValue, 'data-dir': dataDirValue, ...commandValues } = parsed.values;
    debug = debugValue === true;
    if (langValue !== undefined) {
      if (!isCliLanguage(langValue)) {
        throw new CliUsageError({ de: `--lang erwartet de oder en, nicht „${String(langValue)}“.`, en: `--lang expects de or en, not "${String(langValue)}".` });
      }
      lang = langValue;
    }
    if (version === true) {
      streams.stdout.write(json === true ? `${JSON.stringify({ version: packageVersion() })}\n` : `kleinraum ${packageVersion()}\n`);
      return 0;
    }
    if (help === true) {
      streams.stdout.write(`${command ? commandHelp(command, lang) : await globalHelp(lang)}\n`);
      return 0;
    }
    if (!command) {
      throw new CliUsageError({
        de: `Kein Befehl angegeben. Verfügbare Befehle: ${listCommandNames().join(', ')} (kleinraum --help)`,
        en: `No command given. Available commands: ${listCommandNames().join(', ')} (kleinraum --help)`,
      });
    }
    const dataDir = typeof dataDirValue === 'string' ? path.resolve(dataDirValue) : defaultDataDirectory(environment);
    const exitCode = await command.run({
      values: commandValues,
      positionals: parsed.positionals,
      lang,
      json: json === true,
      debug,
      dataDir,
      output: createCliOutput(lang, json === true, streams),
      environment,
    });
    return exitCode ?? 0;
  } catch (error) {
    return reportFailure(error, lang, debug, streams);
  }
}

function reportFailure(error: unknown, lang: CliLanguage, debug: boolean, streams: OutputStreams): number {
  if (error instanceof CliUsageError) {
    streams.stderr.write(`${lang === 'de' ? 'Aufruffehler' : 'Usage error'}: ${error.text[lang]}\n`);
    if (debug) streams.stderr.write(`${error.stack ?? ''}\n`);
    return 2;
  }
  if (error instanceof UserError) {
    streams.stderr.write(`${lang === 'de' ? 'Fehler' : 'Error'}: ${error.text[lang]}\n`);
    if (debug) streams.stderr.write(`${error.stack ?? ''}\n`);
    return 1;
  }
  streams.stderr.write(
    lang === 'de'
      ? 'Interner Fehler: Die Aktion wurde abgebrochen; Projektdateien sind unverändert. Details mit --debug.\n'
      : 'Internal error: the action was aborted; project files are unchanged. Details with --debug.\n',
  );
  if (debug) streams.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
