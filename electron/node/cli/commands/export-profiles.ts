/**
 * `kleinraum export-profiles P.gpkg [--layer L] [--areas all|KEY,KEY] [--view V] --out FILE.svg|.png|.pdf|.csv|.xlsx`:
 * the side-by-side profiles figure or its data, through the same `profiles.export` method the app uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROFILE_EXPORT_VIEWS, PROFILE_EXPORT_FORMATS } from '../../../../shared/contract/methods/profiles';
import { CliUsageError, type CliCommand } from '../command';
import { existingProjectFile, outputPath } from '../projectPaths';
import { writeOutputFile } from '../outputFile';
import { FIGURE_FILE_HELP, wholeNumberFlag, LAYER_HELP } from '../commandFlags';

type ExportFormat = (typeof PROFILE_EXPORT_FORMATS)[number];
type ExportView = (typeof PROFILE_EXPORT_VIEWS)[number];

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const command: CliCommand = {
  name: 'export-profiles',
  summary: { de: 'Profile der Gebiete nebeneinander als Abbildung oder Tabelle exportieren', en: 'Export the side-by-side area profiles as a figure or table' },
  usage: 'export-profiles P.gpkg [--layer L] [--areas all|KEY,KEY] [--view pyramid|nationality|status|indicators|deviation|compare] [--period YYYY-MM-DD] [--compare YYYY-MM-DD] [--mode shares|absolute] [--reference region|KEY|none] [--sort name|INDICATOR] [--dpi N] --out FILE.svg|.png|.pdf|.csv|.xlsx',
  options: {
    layer: { type: 'string' },
    areas: { type: 'string' },
    view: { type: 'string' },
    period: { type: 'string' },
    compare: { type: 'string' },
    mode: { type: 'string' },
    reference: { type: 'string' },
    sort: { type: 'string' },
    dpi: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  optionHelp: {
    layer: LAYER_HELP,
    areas: { de: 'all oder Schlüssel mit Komma, z. B. 03241001,03241002', en: 'all or keys separated by commas, e.g. 03241001,03241002' },
    view: { de: 'pyramid, nationality, status, indicators, deviation oder compare (A gegen B: --areas A, --reference B; Standard: pyramid)', en: 'pyramid, nationality, status, indicators, deviation or compare (A versus B: --areas A, --reference B; default: pyramid)' },
    period: { de: 'Stichtag (Standard: der neueste)', en: 'reference date (default: the latest)' },
    compare: { de: 'Vergleichsstichtag für Veränderungen', en: 'comparison date for changes' },
    mode: { de: 'shares (Anteile, Standard) oder absolute (Personen)', en: 'shares (default) or absolute (persons)' },
    reference: { de: 'Umriss: region (Standard), ein Gebietsschlüssel, comparePeriod oder none', en: 'outline: region (default), an area key, comparePeriod or none' },
    sort: { de: 'Sortierung: name oder eine Kennzahl (absteigend)', en: 'sort: name or an indicator (descending)' },
    dpi: FIGURE_FILE_HELP.dpi,
    out: { de: 'Zieldatei; die Endung bestimmt das Format', en: 'target file; its extension selects the format' },
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    const usage = 'kleinraum export-profiles P.gpkg --out profile.svg';
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: ${usage}`, en: `Project file missing: ${usage}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const out = stringOption(context.values.out);
    if (!out) throw new CliUsageError({ de: 'Zieldatei fehlt: --out DATEI.svg|.png|.pdf|.csv|.xlsx angeben.', en: 'Target file missing: add --out FILE.svg|.png|.pdf|.csv|.xlsx.' });
    const format = path.extname(out).slice(1).toLowerCase() as ExportFormat;
    if (!PROFILE_EXPORT_FORMATS.includes(format)) {
      throw new CliUsageError({ de: `--out muss auf .svg, .png, .pdf, .csv oder .xlsx enden, nicht „${path.basename(out)}“.`, en: `--out must end in .svg, .png, .pdf, .csv or .xlsx, not "${path.basename(out)}".` });
    }
    const view = (stringOption(context.values.view) ?? 'pyramid') as ExportView;
    if (!PROFILE_EXPORT_VIEWS.includes(view)) {
      throw new CliUsageError({ de: `--view kennt ${PROFILE_EXPORT_VIEWS.join(', ')}, nicht „${view}“.`, en: `--view knows ${PROFILE_EXPORT_VIEWS.join(', ')}, not "${view}".` });
    }
    const mode = stringOption(context.values.mode) ?? 'shares';
    if (mode !== 'shares' && mode !== 'absolute') throw new CliUsageError({ de: `--mode ist shares oder absolute, nicht „${mode}“.`, en: `--mode is shares or absolute, not "${mode}".` });
    const areasOption = stringOption(context.values.areas);
    const areas = areasOption === undefined || areasOption === 'all' ? undefined : areasOption.split(',').map((key) => key.trim()).filter((key) => key !== '');
    const referenceOption = stringOption(context.values.reference) ?? 'region';
    const dpi = wholeNumberFlag(context, 'dpi', 72, 600) ?? 300;
    const outPath = outputPath(out);
    if (!fs.existsSync(path.dirname(outPath))) {
      throw new CliUsageError({ de: `Der Ordner für --out fehlt: ${path.dirname(outPath)}. Bitte zuerst anlegen.`, en: `The folder for --out does not exist: ${path.dirname(outPath)}. Please create it first.` });
    }
    const projectPath = existingProjectFile(given, 'kleinraum export-profiles P.gpkg');

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      await backend.call('project.open', { path: projectPath });
      const sort = stringOption(context.values.sort);
      const result = await backend.call('profiles.export', {
        layer: stringOption(context.values.layer),
        period: stringOption(context.values.period),
        comparePeriod: stringOption(context.values.compare) ?? null,
        view,
        format,
        areas,
        mode,
        reference: referenceOption === 'none' ? null : referenceOption,
        sortBy: sort,
        descending: sort !== undefined && sort !== 'name',
        locale: context.lang,
        dpi,
      });
      writeOutputFile(outPath, result.base64);
      const document = { out: outPath, panels: result.panels, format, view, ...(result.widthPx ? { widthPx: result.widthPx, heightPx: result.heightPx } : {}) };
      if (context.json) context.output.json(document);
      else context.output.text({ de: `Profile geschrieben: ${outPath} (${result.panels} Gebiete)`, en: `Profiles written: ${outPath} (${result.panels} areas)` });
    } finally {
      backend.dispose();
    }
  },
};
