/**
 * `kleinraum classify P.gpkg --indicator ID [--method M] [--classes N] [--breaks a,b,c] …`: classifies an
 * indicator exactly as the map does — through the backend's `map.classify`, which draws the map view with
 * shared/mapView — and prints the classes, their colours and counts, and the class of every area. Flags
 * left out come from the project's saved view (what the user last saw).
 */
import { legendEntries } from '../../../../shared/classification/legend';
import type { MethodOutput } from '../../../../shared/contract/api';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { CliUsageError, type CliCommand, type CliLanguage } from '../command';
import { checkViewAgainstProject, MAP_VIEW_OPTION_HELP, MAP_VIEW_OPTIONS, mapViewRequestFromFlags } from '../mapViewFlags';
import { existingProjectFile } from '../projectPaths';
import { indicatorLabel } from '../../../../shared/indicators/indicatorLabel';

type MapClassification = MethodOutput<'map.classify'>;

const USAGE = 'classify P.gpkg --indicator ID [--period P] [--layer L] [--method M [--classes N] | --breaks a,b,c] [--palette NAME] [--mode M] …';

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
    midpoint: result.midpoint,
    regionValue: result.regionValue,
    regionWithheld: result.regionWithheld === true,
    warnings: result.warnings.map((warning) => warning[lang]),
    view: result.view,
  };
}

function legendLabels(result: MapClassification, lang: CliLanguage): string[] {
  const classification = {
    method: result.method,
    breaks: result.breaks,
    classes: result.classes,
    classOfValue: result.areas.map((area) => area.class),
    legendDecimals: result.legendDecimals,
  };
  return legendEntries(classification, { locale: lang, decimals: result.indicator.decimals })
    .filter((entry) => entry.classIndex !== null)
    .map((entry) => entry.label);
}

function classifyText(result: MapClassification, lang: CliLanguage): string {
  const de = lang === 'de';
  const labels = legendLabels(result, lang);
  const lines = [
    `${indicatorLabel(result.indicator.name[lang], result.indicator.unit[lang])}, ${formatDate(result.period, lang)} – ${result.method}, ${result.classes.length} ${de ? 'Klassen' : 'classes'}, ${de ? 'Palette' : 'palette'} ${result.palette}`,
  ];
  result.classes.forEach((classInterval, index) => {
    const areas = classInterval.count === 1 ? (de ? 'Gebiet' : 'area') : de ? 'Gebiete' : 'areas';
    lines.push(`  ${index + 1}  ${classInterval.color}  ${(labels[index] ?? '').padEnd(30)} ${classInterval.count} ${areas}`);
  });
  if (result.noData.length > 0) lines.push(`  –  ${de ? 'keine Daten' : 'no data'}: ${result.noData.length} (${result.noData.join(', ')})`);
  for (const warning of result.warnings) lines.push(`${de ? 'Achtung' : 'Warning'}: ${warning[lang]}`);
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
  options: MAP_VIEW_OPTIONS,
  optionHelp: MAP_VIEW_OPTION_HELP,
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${USAGE}`, en: `Project file missing: kleinraum ${USAGE}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const view = mapViewRequestFromFlags(context);
    if (view.indicatorId === undefined) throw new CliUsageError({ de: 'Kennzahl fehlt: --indicator ID angeben (siehe kleinraum info).', en: 'Indicator missing: add --indicator ID (see kleinraum info).' });
    const projectPath = existingProjectFile(given, `kleinraum ${USAGE}`);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      const summary = await backend.call('project.open', { path: projectPath });
      checkViewAgainstProject(summary, view, context.lang);
      const result = await backend.call('map.classify', { view });
      if (context.json) context.output.json(classifyDocument(result, context.lang));
      else context.output.text(classifyText(result, context.lang));
    } finally {
      backend.dispose();
    }
  },
};
