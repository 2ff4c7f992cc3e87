/**
 * Where CLI output goes. The contract (docs/cli-contract.md): with `--json` stdout carries exactly one JSON
 * document and nothing else; human text, warnings and progress go to stderr or, for results, to stdout
 * only without `--json`.
 */
import type { LocalizedText } from '../../../shared/model/project';
import type { CliLanguage } from './command';

export interface CliOutput {
  /** Prints the one JSON document of a `--json` run (pretty-printed, newline-terminated). */
  json(document: unknown): void;
  /** Prints a result line for humans on stdout (suppressed under --json, where the JSON says it all). */
  text(line: string | LocalizedText): void;
  /** Prints a warning or note on stderr (always, also under --json: stderr is not part of the document). */
  warn(line: string | LocalizedText): void;
}

export interface OutputStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export function createCliOutput(lang: CliLanguage, json: boolean, streams: OutputStreams = process): CliOutput {
  let jsonPrinted = false;
  const pick = (line: string | LocalizedText): string => (typeof line === 'string' ? line : line[lang]);
  return {
    json(document) {
      if (jsonPrinted) throw new Error('A --json run must print exactly one JSON document');
      jsonPrinted = true;
      streams.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    },
    text(line) {
      if (!json) streams.stdout.write(`${pick(line)}\n`);
    },
    warn(line) {
      streams.stderr.write(`${pick(line)}\n`);
    },
  };
}
