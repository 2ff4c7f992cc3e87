/**
 * `kleinraum timeseries P.gpkg --indicator ID [--layer L] [--areas all|KEY,KEY] --out FILE.svg|.png|.pdf|.csv|.xlsx`:
 * an indicator over all Stichtage as small multiples (or one area against the region with `--view area`),
 * or its data, through the same `timeseries.compute` and `timeseries.export` methods the Zeitreihen tab
 * uses. Movement indicators: movement.arrivals, movement.departures, movement.net, movement.turnover, each
 * also `_per_1000`.
 */
import { MOVEMENT_EXPORT_FORMATS, MULTIPLES_LAYOUTS, TIME_SERIES_VIEWS } from '../../../../shared/contract/methods/movement';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { MOVEMENT_INDICATORS } from '../../../../shared/movement/movementIndicators';
import { drawnValue, smallNumberText } from '../../../../shared/movement/smallNumbers';
import { CliUsageError, type CliCommand } from '../command';
import { stringFlag } from '../mapViewFlags';
import { existingProjectFile } from '../projectPaths';
import { writeOutputFile } from '../outputFile';
import { FIGURE_FILE_HELP, FIGURE_FILE_OPTIONS, choiceFlag, figureFileFlags, LAYER_HELP } from '../commandFlags';
import { indicatorLabel } from '../../../../shared/indicators/indicatorLabel';
import { translate } from '../../../../shared/i18n/translate';
import { regionGapNote } from '../../../../shared/movement/timeSeriesFigure';

const USAGE = 'timeseries P.gpkg --indicator ID [--layer L] [--areas all|KEY,KEY] [--variable ID] [--view multiples|area] [--sort layer|name|last] [--layout sorted|grid] [--scenario ID|none] --out FILE.svg|.png|.pdf|.csv|.xlsx';
const SORTS = ['layer', 'name', 'last'] as const;

export const command: CliCommand = {
  name: 'timeseries',
  summary: { de: 'Eine Kennzahl über alle Stichtage: kleine Vielfache aller Gebiete mit der Region als Referenz', en: 'An indicator over all reference dates: small multiples of all areas with the region as reference' },
  usage: USAGE,
  options: {
    indicator: { type: 'string' },
    layer: { type: 'string' },
    areas: { type: 'string' },
    variable: { type: 'string' },
    view: { type: 'string' },
    sort: { type: 'string' },
    layout: { type: 'string' },
    scenario: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...FIGURE_FILE_OPTIONS,
  },
  optionHelp: {
    indicator: { de: `Kennzahl-ID (siehe kleinraum info) oder Bewegung: ${MOVEMENT_INDICATORS.map((indicator) => indicator.id).join(', ')}`, en: `indicator id (see kleinraum info) or movement: ${MOVEMENT_INDICATORS.map((indicator) => indicator.id).join(', ')}` },
    layer: LAYER_HELP,
    areas: { de: 'all (Standard) oder Schlüssel, durch Komma getrennt; bei --view area das eine Gebiet', en: 'all (default) or keys separated by commas; with --view area the one area' },
    variable: { de: 'Bestandsvariable der Bewegungen (Standard: die erste mit Zu- und Fortzügen, z. B. refugees)', en: 'stock variable of the movements (default: the first with arrivals and departures, e.g. refugees)' },
    view: { de: 'multiples (alle Gebiete, Standard) oder area (ein Gebiet gegen die Region)', en: 'multiples (all areas, default) or area (one area against the region)' },
    sort: { de: 'Reihenfolge: layer (Standard), name oder last (letzter Wert, absteigend)', en: 'order: layer (default), name or last (latest value, descending)' },
    layout: { de: 'Anordnung der kleinen Diagramme: sorted (zeilenweise nach --sort, Standard) oder grid (etwa wie die Karte, Norden oben)', en: 'arrangement of the small multiples: sorted (row by row by --sort, default) or grid (roughly like the map, north up)' },
    scenario: { de: 'Gespeicherte Szenario-Ergebnisse, die die Reihe gestrichelt als Projektion fortsetzen (Standard: das erste gespeicherte; none: nur beobachtete Werte)', en: 'stored scenario results continuing the series dashed as a projection (default: the first stored; none: observed values only)' },
    out: { de: 'Datei: .svg, .png, .pdf (Abbildung) oder .csv, .xlsx (Daten)', en: 'file: .svg, .png, .pdf (figure) or .csv, .xlsx (data)' },
    ...FIGURE_FILE_HELP,
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${USAGE}`, en: `Project file missing: kleinraum ${USAGE}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const indicatorId = stringFlag(context, 'indicator');
    if (indicatorId === undefined) throw new CliUsageError({ de: 'Kennzahl fehlt: --indicator ID angeben (siehe kleinraum info oder --help).', en: 'Indicator missing: add --indicator ID (see kleinraum info or --help).' });
    const figure = figureFileFlags(context, MOVEMENT_EXPORT_FORMATS);
    if (!figure.out) throw new CliUsageError({ de: 'Zieldatei fehlt: --out FILE.svg|.png|.pdf|.csv|.xlsx angeben.', en: 'Output missing: add --out FILE.svg|.png|.pdf|.csv|.xlsx.' });
    const { path: outPath, format } = figure.out;
    const { page, dpi } = figure;
    const view = choiceFlag(context, 'view', TIME_SERIES_VIEWS, 'multiples');
    const sortBy = choiceFlag(context, 'sort', SORTS, 'layer');
    const layout = choiceFlag(context, 'layout', MULTIPLES_LAYOUTS, 'sorted');
    const scenario = stringFlag(context, 'scenario');
    const areasText = stringFlag(context, 'areas');
    const areas = areasText === undefined || areasText.trim() === 'all' ? undefined : areasText.split(',').map((key) => key.trim()).filter((key) => key.length > 0);
    const layer = stringFlag(context, 'layer');
    const variable = stringFlag(context, 'variable');
    const projectPath = existingProjectFile(given, `kleinraum ${USAGE}`);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      await backend.call('project.open', { path: projectPath });
      const base = { indicatorId, ...(layer !== undefined ? { layer } : {}), ...(variable !== undefined ? { variable } : {}), ...(scenario !== undefined ? { scenario } : {}) };
      const series = await backend.call('timeseries.compute', base);
      const file = await backend.call('timeseries.export', { ...base, view, sortBy, layout, format, locale: context.lang, page, dpi, ...(areas ? { areas } : {}) });
      writeOutputFile(outPath, file.base64);
      const shown = areas ? series.series.filter((entry) => areas.includes(entry.key)) : series.series;
      if (series.mixedSources.length > 0) {
        context.output.warn({ de: `Hinweis: Zu- und Fortzüge stammen in ${series.mixedSources.length} Fällen aus verschiedenen Quellen.`, en: `Note: arrivals and departures come from different sources in ${series.mixedSources.length} cases.` });
      }
      if (context.json) {
        context.output.json({
          out: outPath,
          indicator: { id: series.indicator.id, name: series.indicator.name[context.lang], unit: series.indicator.unit[context.lang] },
          layer: series.layer,
          periods: series.periods,
          // Small numbers are withheld (null, flagged in smallNumber); so is the region's total where it
          // would give one back (null, flagged in regionWithheld).
          series: shown.map((entry) => ({ key: entry.key, name: entry.name, values: entry.values.map(drawnValue), smallNumber: entry.values.map((point) => point.smallNumber), sources: entry.values.map((point) => point.sourceId) })),
          smallNumberThreshold: series.smallNumberThreshold,
          region: series.region.map((point) => point.value),
          regionWithheld: series.region.map((point) => point.withheld === true),
          sources: series.sources.map((source) => ({ id: source.id, name: source.name })),
          projection: series.projection ? { scenario: series.projection.scenarioId, name: series.projection.name[context.lang], lastObserved: series.projection.lastObserved, firstProjected: series.projection.firstPeriod } : null,
          projected: shown.map((entry) => entry.values.map((point) => point.projected)),
          ...(layout === 'grid' && series.mapGrid ? { grid: series.mapGrid } : {}),
          synthetic: series.synthetic,
          ...(file.widthPx !== undefined ? { widthPx: file.widthPx, heightPx: file.heightPx } : {}),
        });
      } else {
        const lang = context.lang;
        const cell = (point: (typeof series.region)[number]) =>
          point.smallNumber ? smallNumberText(series.smallNumberThreshold, lang) : point.withheld === true ? translate(lang, 'map.regionWithheld') : point.value === null ? '–' : formatNumber(point.value, series.indicator.decimals, lang);
        // One column per Stichtag, wide enough for the region's total (83.019.213) and a German date.
        const width = Math.max(10, ...series.region.map((point) => cell(point).length));
        const line = (key: string, name: string, texts: string[]) => `  ${key.padEnd(Math.max(5, ...shown.map((entry) => entry.key.length)))}  ${name.padEnd(28)} ${texts.map((text) => text.padStart(width)).join(' ')}`;
        context.output.text(`${indicatorLabel(series.indicator.name[lang], series.indicator.unit[lang])}, ${formatDate(series.periods[0] ?? '', lang)} – ${formatDate(series.periods.at(-1) ?? '', lang)}`);
        context.output.text(line('', '', series.periods.map((period) => formatDate(period, lang))));
        for (const entry of shown) context.output.text(line(entry.key, entry.name, entry.values.map(cell)));
        context.output.text(line('', translate(lang, 'movement.legend.region'), series.region.map(cell)));
        // An empty Region cell says why, as the chart and the table do.
        const regionGap = regionGapNote(series, lang);
        if (regionGap) context.output.text(regionGap);
        if (series.projection) {
          const { projection } = series;
          context.output.text({
            de: `Ab ${formatDate(projection.firstPeriod, 'de')}: Projektion, Szenario „${projection.name.de}“ (gerechnet, nicht beobachtet; in der Abbildung gestrichelt).`,
            en: `From ${formatDate(projection.firstPeriod, 'en')}: projection, scenario "${projection.name.en}" (computed, not observed; dashed in the figure).`,
          });
        }
        context.output.text({ de: `Geschrieben: ${outPath}`, en: `Written: ${outPath}` });
      }
    } finally {
      backend.dispose();
    }
  },
};
