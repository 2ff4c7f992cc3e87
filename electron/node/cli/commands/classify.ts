/**
 * `kleinraum classify P.gpkg --indicator ID --method M [--classes N] [--breaks a,b,c] …`: classifies an
 * indicator exactly as the map does — through the backend's `map.classify` (shared/classification) — and
 * prints the classes, their colours and counts, and the class of every area.
 */
import { legendEntries } from '../../../../shared/classification/legend';
import { PALETTES } from '../../../../shared/classification/palettes';
import { CLASSIFICATION_METHODS } from '../../../../shared/classification/types';
import type { MethodInput, MethodOutput, ProjectSummary } from '../../../../shared/contract/api';
import { UserError } from '../../../../shared/contract/errors';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { INDICATOR_MODES } from '../../../../shared/indicators/indicatorMode';
import { CliUsageError, type CliCommand, type CliLanguage } from '../command';
import { classificationFlags, derivationFlags, isoPeriod, stringFlag } from '../mapViewFlags';
import { existingProjectFile } from '../projectPaths';

type MapClassification = MethodOutput<'map.classify'>;
type ClassifyInput = MethodInput<'map.classify'>;

const USAGE = 'classify P.gpkg --indicator ID [--period P] [--layer L] --method M [--classes N] [--breaks a,b,c] [--palette NAME]';

/** Checks indicator, layer and periods against the opened project, so errors name the flag and list the choices. */
function checkAgainstProject(summary: ProjectSummary, input: ClassifyInput, lang: CliLanguage): void {
  const indicator = summary.indicators.find((candidate) => candidate.id === input.indicatorId);
  if (!indicator) {
    const ids = summary.indicators.map((candidate) => candidate.id).join(', ');
    throw new UserError('not-found', {
      de: `--indicator: Die Kennzahl „${input.indicatorId}“ gibt es in diesem Projekt nicht. Vorhanden: ${ids} (siehe kleinraum info).`,
      en: `--indicator: the project has no indicator "${input.indicatorId}". Available: ${ids} (see kleinraum info).`,
    });
  }
  if (!summary.layers.some((layer) => layer.name === input.layer)) {
    const names = summary.layers.map((layer) => layer.name).join(', ');
    throw new UserError('not-found', {
      de: `--layer: Die Ebene „${input.layer}“ gibt es nicht. Vorhanden: ${names}.`,
      en: `--layer: there is no layer "${input.layer}". Available: ${names}.`,
    });
  }
  for (const [flag, period] of [['--period', input.period], ['--compare-period', input.comparePeriod]] as const) {
    if (period !== undefined && !indicator.periods.includes(period)) {
      const periods = indicator.periods.map((candidate) => formatDate(candidate, lang)).join(', ');
      throw new UserError('not-found', {
        de: `${flag}: Für „${indicator.name.de}“ gibt es keine Werte zum ${period}. Vorhanden: ${periods}.`,
        en: `${flag}: "${indicator.name.en}" has no values for ${period}. Available: ${periods}.`,
      });
    }
  }
}

/**
 * The `--json` document: the CLI contract's `{ method, breaks, classes: [{ from, to, count, color }],
 * noData, areas: [{ key, name, value, class }] }` plus indicator, period, palette and legend labels.
 */
export function classifyDocument(result: MapClassification, lang: CliLanguage) {
  const labels = legendLabels(result, lang);
  return {
    method: result.method,
    breaks: result.breaks,
    classes: result.classes.map((classInterval, index) => ({ ...classInterval, label: labels[index] ?? '' })),
    noData: result.noData,
    areas: result.areas,
    indicator: { id: result.indicator.id, name: result.indicator.name[lang], unit: result.indicator.unit[lang] },
    layer: result.layer,
    period: result.period,
    mode: result.mode,
    comparePeriod: result.comparePeriod,
    palette: result.palette,
    regionValue: result.regionValue,
  };
}

function legendLabels(result: MapClassification, lang: CliLanguage): string[] {
  const classification = {
    method: result.method,
    breaks: result.breaks,
    classes: result.classes,
    classOfValue: result.areas.map((area) => area.class),
  };
  return legendEntries(classification, { locale: lang, decimals: result.indicator.decimals })
    .filter((entry) => entry.classIndex !== null)
    .map((entry) => entry.label);
}

function classifyText(result: MapClassification, lang: CliLanguage): string {
  const de = lang === 'de';
  const labels = legendLabels(result, lang);
  const lines = [
    `${result.indicator.name[lang]} (${result.indicator.unit[lang]}), ${formatDate(result.period, lang)} – ${result.method}, ${result.classes.length} ${de ? 'Klassen' : 'classes'}, ${de ? 'Palette' : 'palette'} ${result.palette}`,
  ];
  result.classes.forEach((classInterval, index) => {
    const areas = classInterval.count === 1 ? (de ? 'Gebiet' : 'area') : de ? 'Gebiete' : 'areas';
    lines.push(`  ${index + 1}  ${classInterval.color}  ${(labels[index] ?? '').padEnd(30)} ${classInterval.count} ${areas}`);
  });
  if (result.noData.length > 0) lines.push(`  –  ${de ? 'keine Daten' : 'no data'}: ${result.noData.length} (${result.noData.join(', ')})`);
  lines.push('');
  const decimals = result.indicator.decimals;
  for (const area of result.areas) {
    const value = area.value === null ? (de ? 'keine Daten' : 'no data') : formatNumber(area.value, decimals, lang);
    lines.push(`  ${area.key}  ${area.name.padEnd(28)} ${value.padStart(12)}  ${area.class === null ? '–' : area.class + 1}`);
  }
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'classify',
  summary: { de: 'Kennzahl klassifizieren (Klassengrenzen, Farben, Klasse je Gebiet) wie auf der Karte', en: 'Classify an indicator (class bounds, colours, class per area) as on the map' },
  usage: USAGE,
  options: {
    indicator: { type: 'string' },
    period: { type: 'string' },
    layer: { type: 'string' },
    method: { type: 'string' },
    classes: { type: 'string' },
    breaks: { type: 'string' },
    palette: { type: 'string' },
    'reverse-palette': { type: 'boolean' },
    mode: { type: 'string' },
    'compare-period': { type: 'string' },
    denominator: { type: 'string' },
    'fixed-classes': { type: 'boolean' },
  },
  optionHelp: {
    indicator: { de: 'Kennzahl-ID (siehe kleinraum info)', en: 'indicator id (see kleinraum info)' },
    period: { de: 'Stichtag (2019-12-31 oder 31.12.2019); Standard: der letzte', en: 'reference date (2019-12-31 or 31.12.2019); default: the latest' },
    layer: { de: 'Gebietsebene; Standard: die erste', en: 'area layer; default: the first' },
    method: { de: CLASSIFICATION_METHODS.join(' | '), en: CLASSIFICATION_METHODS.join(' | ') },
    classes: { de: 'Klassenzahl 2–9 (nested-means: 2, 4, 8); Standard 5', en: 'number of classes 2–9 (nested-means: 2, 4, 8); default 5' },
    breaks: { de: 'Grenzwerte für manual: 5,10,20 oder "2,5;5;7,5"', en: 'break values for manual: 5,10,20 or "2,5;5;7,5"' },
    palette: { de: `Farbpalette, Standard YlGnBu (${PALETTES.map((palette) => palette.id).join(', ')})`, en: `palette, default YlGnBu (${PALETTES.map((palette) => palette.id).join(', ')})` },
    'reverse-palette': { de: 'Farbfolge umkehren', en: 'reverse the colour order' },
    mode: { de: `Ableitung: ${INDICATOR_MODES.join(' | ')}`, en: `derivation: ${INDICATOR_MODES.join(' | ')}` },
    'compare-period': { de: 'Vergleichsstichtag für --mode change/changePercent', en: 'compare date for --mode change/changePercent' },
    denominator: { de: 'Bezugsvariable für --mode percentOf, z. B. population', en: 'denominator variable for --mode percentOf, e.g. population' },
    'fixed-classes': { de: 'Klassengrenzen aus allen Stichtagen (vergleichbare Karten)', en: 'class bounds from all periods (comparable maps)' },
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${USAGE}`, en: `Project file missing: kleinraum ${USAGE}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const indicatorId = stringFlag(context, 'indicator');
    if (indicatorId === undefined || indicatorId === '') throw new CliUsageError({ de: 'Kennzahl fehlt: --indicator ID angeben (siehe kleinraum info).', en: 'Indicator missing: add --indicator ID (see kleinraum info).' });
    const classification = classificationFlags(context, true);
    const palette = stringFlag(context, 'palette');
    if (palette !== undefined && !PALETTES.some((candidate) => candidate.id === palette)) {
      const ids = PALETTES.map((candidate) => candidate.id).join(', ');
      throw new CliUsageError({ de: `--palette: unbekannte Palette „${palette}“. Möglich: ${ids}.`, en: `--palette: unknown palette "${palette}". Possible: ${ids}.` });
    }
    const derivation = derivationFlags(context);
    const periodText = stringFlag(context, 'period');
    const projectPath = existingProjectFile(given, `kleinraum ${USAGE}`);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      const summary = await backend.call('project.open', { path: projectPath });
      const input: ClassifyInput = {
        indicatorId,
        layer: stringFlag(context, 'layer') ?? summary.layers[0]?.name ?? '',
        ...classification,
        ...(periodText !== undefined ? { period: isoPeriod(periodText) } : {}),
        ...derivation,
        ...(palette !== undefined ? { palette } : {}),
        ...(context.values['reverse-palette'] === true ? { reversePalette: true } : {}),
        ...(context.values['fixed-classes'] === true ? { fixAcrossPeriods: true } : {}),
      };
      checkAgainstProject(summary, input, context.lang);
      const result = await backend.call('map.classify', input);
      if (context.json) context.output.json(classifyDocument(result, context.lang));
      else context.output.text(classifyText(result, context.lang));
    } finally {
      backend.dispose();
    }
  },
};
