/**
 * Flags several commands share — whole numbers, a choice among names, and the figure file a command writes
 * (`--out`, `--page`, `--dpi`) — parsed in one place, so every command accepts the same spellings and
 * answers a wrong value with the same message naming the flag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PAGE_PRESETS } from '../../../shared/export/exportLayout';
import { CliUsageError, type CliContext } from './command';
import { stringFlag } from './mapViewFlags';
import { outputFormat, outputPath } from './projectPaths';

/** The page formats a figure command offers (the export dialog's custom size has no flag). */
export const FIGURE_PAGES = PAGE_PRESETS.filter((preset): preset is Exclude<(typeof PAGE_PRESETS)[number], 'custom'> => preset !== 'custom');
export type FigurePage = (typeof FIGURE_PAGES)[number];

/**
 * A whole-number flag within [minimum, maximum]; undefined when absent.
 * @example wholeNumberFlag(context, 'permutations', 0, 99_999) // 999 for "--permutations 999"
 */
export function wholeNumberFlag(context: CliContext, name: string, minimum: number, maximum: number): number | undefined {
  const text = stringFlag(context, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < minimum || value > maximum) {
    throw new CliUsageError({ de: `--${name} ist eine ganze Zahl von ${minimum} bis ${maximum}, nicht „${text}“.`, en: `--${name} is a whole number from ${minimum} to ${maximum}, not "${text}".` });
  }
  return value;
}

/**
 * A flag that takes one of `allowed`; `fallback` when absent.
 * @example choiceFlag(context, 'correction', ['none', 'bonferroni', 'fdr'], 'none')
 */
export function choiceFlag<T extends string>(context: CliContext, name: string, allowed: readonly T[], fallback: T): T {
  const value = stringFlag(context, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new CliUsageError({ de: `--${name} kennt ${allowed.join(', ')}, nicht „${value}“.`, en: `--${name} knows ${allowed.join(', ')}, not "${value}".` });
  return value as T;
}

/** Where and how a command writes its figure or table: no `out` when the command was not asked to write one. */
export interface FigureFileFlags<F extends string> {
  out?: { path: string; format: F };
  page: FigurePage;
  dpi: number;
}

/**
 * `--out FILE` (format by extension among `formats`, its folder must exist), `--page` (default A4 landscape)
 * and `--dpi` (72–600, default 300), checked before any work starts.
 */
export function figureFileFlags<F extends string>(context: CliContext, formats: readonly F[]): FigureFileFlags<F> {
  const given = stringFlag(context, 'out');
  let out: FigureFileFlags<F>['out'];
  if (given !== undefined) {
    const format = outputFormat(given, formats);
    const outPath = outputPath(given);
    if (!fs.existsSync(path.dirname(outPath))) {
      throw new CliUsageError({ de: `Der Ordner für --out fehlt: ${path.dirname(outPath)}. Bitte zuerst anlegen.`, en: `The folder for --out does not exist: ${path.dirname(outPath)}. Please create it first.` });
    }
    out = { path: outPath, format };
  }
  return {
    ...(out ? { out } : {}),
    page: choiceFlag(context, 'page', FIGURE_PAGES, 'a4-landscape'),
    dpi: wholeNumberFlag(context, 'dpi', 72, 600) ?? 300,
  };
}

/** The option declarations of `--page` and `--dpi`, for a command's `options`. */
export const FIGURE_FILE_OPTIONS = { page: { type: 'string' }, dpi: { type: 'string' } } as const;

/** Their `--help` lines, for a command's `help`. */
export const FIGURE_FILE_HELP = {
  page: { de: `Seitenformat: ${FIGURE_PAGES.join(', ')} (Standard a4-landscape)`, en: `page: ${FIGURE_PAGES.join(', ')} (default a4-landscape)` },
  dpi: { de: 'Auflösung der PNG-Datei 72–600 (Standard 300)', en: 'PNG resolution 72–600 (default 300)' },
} as const;

/** The `--help` line of `--layer` in every command that reads one layer of a project. */
export const LAYER_HELP = { de: 'Gebietsebene (Standard: die erste)', en: 'area layer (default: the first)' } as const;
