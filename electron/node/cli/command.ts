/**
 * What a CLI command is. Each command lives in `commands/<name>.ts` and exports `command: CliCommand`;
 * main.ts finds it by file name, so adding a command means adding one file (see commands/README in
 * main.ts's doc comment). Commands call the same services as the app — never their own copy of logic.
 */
import type { ParseArgsConfig } from 'node:util';
import type { LocalizedText } from '../../../shared/model/project';
import type { CliOutput } from './output';

export type CliLanguage = 'de' | 'en';

/** Option definitions in node:util parseArgs form, e.g. `{ out: { type: 'string' } }`. */
export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliContext {
  /** Parsed values of the command's own options (global ones removed). */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  /** Positional arguments after the command name. */
  positionals: string[];
  lang: CliLanguage;
  /** `--json`: print exactly one JSON document on stdout (through `output.json`). */
  json: boolean;
  debug: boolean;
  /** Folder for the app's own files (recent projects, working copies); see dataDirectory.ts. */
  dataDir: string;
  output: CliOutput;
  /** The environment the CLI was started with (process.env unless a caller passes another). */
  environment: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  summary: LocalizedText;
  /** Usage line(s) without the leading "kleinraum ", e.g. `demo --out P.gpkg`. */
  usage: string;
  /** Explanation of each option for `--help`, keyed by option name. */
  optionHelp: Record<string, LocalizedText>;
  options: CliOptions;
  /**
   * True for a command that keeps running and answers many requests (`serve`). Every other command is a
   * one-shot run that checks each contract schema about once, so main.ts switches zod's schema compiler
   * off for it (see there).
   */
  longRunning?: true;
  /** Runs the command; resolves with the exit code (0 when omitted). Throw UserError (exit 1) or CliUsageError (exit 2). */
  run(context: CliContext): Promise<number | void>;
}

/**
 * A mistake in how the command was called (unknown flag, missing argument): exit code 2. The message
 * names the flag or argument to use.
 */
export class CliUsageError extends Error {
  readonly text: LocalizedText;
  constructor(text: LocalizedText) {
    super(text.en);
    this.name = 'CliUsageError';
    this.text = text;
  }
}

/** Picks the text for the CLI's language. */
export function localize(text: LocalizedText, lang: CliLanguage): string {
  return text[lang];
}
