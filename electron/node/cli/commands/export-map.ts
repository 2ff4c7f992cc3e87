/**
 * `kleinraum export-map P.gpkg --indicator ID … --out FILE.png|.svg|.pdf`: a print-ready committee figure,
 * and with `--batch indicators|periods|areas --out DIR` one figure per item. Calls export.map /
 * export.batch through the same backend as the app; the project's saved layout (`export.layout`) applies,
 * and map view flags left out come from the project's saved view, so the figure shows what the user last saw.
 */
import path from 'node:path';
import { BATCH_KINDS, EXPORT_FORMATS } from '../../../../shared/contract/methods/export';
import { PAGE_PRESETS } from '../../../../shared/export/exportLayout';
import { CliUsageError, type CliCommand } from '../command';
import { checkViewAgainstProject, MAP_VIEW_OPTION_HELP, MAP_VIEW_OPTIONS, mapViewRequestFromFlags, stringFlag as text } from '../mapViewFlags';
import { existingProjectFile } from '../projectPaths';

const PAGES = PAGE_PRESETS.filter((preset) => preset !== 'custom');

function usage(de: string, en: string): CliUsageError {
  return new CliUsageError({ de, en });
}

export const command: CliCommand = {
  name: 'export-map',
  summary: { de: 'Druckfertige Kartenabbildung (PNG, SVG, PDF) schreiben, einzeln oder als Serie', en: 'Write a print-ready map figure (PNG, SVG, PDF), single or as a series' },
  usage:
    'export-map P.gpkg --indicator ID [--period P] [--layer L] [--sources A,B] [--method M --classes N | --breaks a,b,c] [--palette NAME] [--reverse-palette] [--midpoint M] [--mode M [--compare-period P] [--denominator V]] [--fixed-classes] [--labels L] [--small-numbers suppress|flag] [--title T] [--page a4-landscape|a4-portrait|a3-landscape|slide-16x9] [--dpi N] --out FILE.png|.svg|.pdf\n' +
    'export-map P.gpkg --indicator ID … --batch indicators|periods|areas [--format png|svg|pdf] [--single-pdf] --out DIR',
  options: {
    ...MAP_VIEW_OPTIONS,
    title: { type: 'string' },
    subtitle: { type: 'string' },
    author: { type: 'string' },
    page: { type: 'string' },
    dpi: { type: 'string' },
    out: { type: 'string', short: 'o' },
    batch: { type: 'string' },
    format: { type: 'string' },
    'single-pdf': { type: 'boolean' },
    'name-pattern': { type: 'string' },
  },
  optionHelp: {
    ...MAP_VIEW_OPTION_HELP,
    title: { de: 'Titel (Standard: Name der Kennzahl)', en: 'title (default: the indicator name)' },
    subtitle: { de: 'Untertitel (Standard: Ebene und Stichtag)', en: 'subtitle (default: layer and reference date)' },
    author: { de: 'Darstellung: Autor oder Organisation', en: 'author or organisation' },
    page: { de: `Seitenformat: ${PAGES.join(', ')}`, en: `page: ${PAGES.join(', ')}` },
    dpi: { de: 'Auflösung für PNG: 150, 300 oder 600 (Standard 300)', en: 'PNG resolution: 150, 300 or 600 (default 300)' },
    out: { de: 'Zieldatei (.png, .svg, .pdf) bzw. Zielordner bei --batch', en: 'target file (.png, .svg, .pdf), or target folder with --batch' },
    batch: { de: 'Serie: eine Abbildung je Kennzahl (indicators), Stichtag (periods) oder Gemeinde (areas)', en: 'series: one figure per indicator, period or area' },
    format: { de: 'Format der Serie: png, svg oder pdf (Standard pdf)', en: 'series format: png, svg or pdf (default pdf)' },
    'single-pdf': { de: 'Serie als eine mehrseitige PDF-Datei', en: 'series as one multi-page PDF' },
    'name-pattern': { de: 'Dateinamen der Serie: {n} {indicator} (Name) {id} {period} {area} {key}', en: 'series file names: {n} {indicator} (name) {id} {period} {area} {key}' },
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw usage('Projektdatei fehlt: kleinraum export-map DATEI.gpkg --indicator ID --out karte.png', 'Project file missing: kleinraum export-map FILE.gpkg --indicator ID --out map.png');
    if (extra.length > 0) throw usage(`Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, `Give only one project file (extra: ${extra.join(' ')}).`);
    const view = mapViewRequestFromFlags(context);
    if (!view.indicatorId) throw usage('Kennzahl fehlt: --indicator ID angeben (IDs zeigt kleinraum info DATEI.gpkg).', 'Indicator missing: add --indicator ID (kleinraum info FILE.gpkg lists them).');
    const out = text(context, 'out');
    if (!out) throw usage('Ziel fehlt: --out DATEI.png|.svg|.pdf (bzw. --out ORDNER mit --batch) angeben.', 'Target missing: add --out FILE.png|.svg|.pdf (or --out FOLDER with --batch).');
    const page = text(context, 'page');
    if (page !== undefined && !(PAGES as readonly string[]).includes(page)) throw usage(`Unbekanntes Seitenformat „${page}“ für --page. Möglich: ${PAGES.join(', ')}.`, `Unknown --page "${page}". Choose one of: ${PAGES.join(', ')}.`);
    const dpiText = text(context, 'dpi');
    const dpi = dpiText === undefined ? undefined : Number(dpiText);
    if (dpi !== undefined && ![150, 300, 600].includes(dpi)) throw usage(`--dpi muss 150, 300 oder 600 sein, nicht „${dpiText}“.`, `--dpi must be 150, 300 or 600, not "${dpiText}".`);
    const batch = text(context, 'batch');
    if (batch !== undefined && !(BATCH_KINDS as readonly string[]).includes(batch)) throw usage(`Unbekannte Serie „${batch}“ für --batch. Möglich: ${BATCH_KINDS.join(', ')}.`, `Unknown --batch "${batch}". Choose one of: ${BATCH_KINDS.join(', ')}.`);

    const title = text(context, 'title');
    const subtitle = text(context, 'subtitle');
    const author = text(context, 'author');
    const common = {
      view,
      locale: context.lang,
      layout: {
        ...(page ? { page: { preset: page } } : {}),
        ...(title ? { title: { text: title } } : {}),
        ...(subtitle ? { subtitle: { text: subtitle } } : {}),
        ...(author ? { author: { text: author } } : {}),
      },
      ...(dpi ? { dpi } : {}),
    };

    const projectPath = existingProjectFile(given, 'kleinraum export-map P.gpkg --indicator ID --out FILE');
    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    const summary = await backend.call('project.open', { path: projectPath });
    checkViewAgainstProject(summary, view, context.lang);

    if (batch !== undefined) {
      const format = text(context, 'format') ?? 'pdf';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usage(`Unbekanntes Format „${format}“ für --format. Möglich: ${EXPORT_FORMATS.join(', ')}.`, `Unknown --format "${format}". Choose one of: ${EXPORT_FORMATS.join(', ')}.`);
      const result = await backend.call('export.batch', {
        ...common,
        by: batch,
        format,
        singlePdf: context.values['single-pdf'] === true,
        fileNamePattern: text(context, 'name-pattern'),
        outDir: path.resolve(out),
      });
      const files = result.files.map((file) => file.path ?? file.fileName);
      if (context.json) context.output.json({ files });
      else context.output.text({ de: `${files.length} Abbildungen geschrieben nach ${path.resolve(out)}`, en: `${files.length} figures written to ${path.resolve(out)}` });
      return;
    }

    const extension = path.extname(out).toLowerCase().slice(1);
    if (!(EXPORT_FORMATS as readonly string[]).includes(extension)) throw usage(`--out braucht die Endung .png, .svg oder .pdf (nicht „${path.basename(out)}“).`, `--out needs the extension .png, .svg or .pdf (not "${path.basename(out)}").`);
    const result = await backend.call('export.map', { ...common, format: extension, path: path.resolve(out) });
    if (context.json) {
      context.output.json({
        out: result.path,
        ...(result.widthPx !== undefined ? { widthPx: result.widthPx, heightPx: result.heightPx } : {}),
        pageMm: result.pageMm,
        elements: result.elements,
        sizeBytes: result.sizeBytes,
      });
    } else {
      const size = result.widthPx !== undefined ? ` (${result.widthPx} × ${result.heightPx} px)` : '';
      context.output.text({ de: `Abbildung geschrieben: ${result.path}${size}`, en: `Figure written: ${result.path}${size}` });
    }
  },
};
