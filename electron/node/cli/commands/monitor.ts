/**
 * `kleinraum monitor P.gpkg --indicators A,B,C [--directions +,+,-] [--period P] [--dynamics-years N]
 * [--min-population N] [--weighted] [--rule SPEC …] [--definition ID] [--out FILE]`: Sozialmonitoring —
 * status and dynamics index, 4 × 3 classes and alerts — through the same `monitoring.compute` method the
 * Monitoring tab uses; `--out` writes the table (.csv, .xlsx) or the committee sheet (.svg, .png, .pdf)
 * through `monitoring.export`.
 */
import type { MethodInput } from '../../../../shared/contract/api';
import { MONITORING_EXPORT_FORMATS } from '../../../../shared/contract/methods/monitoring';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { monitoringDefinition, type AlertRule } from '../../../../shared/monitoring/monitoringDefinition';
import { parseRuleSpec } from '../../../../shared/monitoring/ruleSpec';
import { STATUS_CLASS_TEXT } from '../../../../shared/monitoring/monitoringTexts';
import type { MonitoringResult } from '../../../../shared/monitoring/monitoringTable';
import { readFamilySetting } from '../../../../shared/settings/projectSettings';
import { CliUsageError, type CliCommand, type CliLanguage } from '../command';
import { isoPeriod, stringFlag } from '../mapViewFlags';
import { existingProjectFile } from '../projectPaths';
import { writeOutputFile } from '../outputFile';
import { FIGURE_FILE_HELP, FIGURE_FILE_OPTIONS, figureFileFlags, wholeNumberFlag, LAYER_HELP } from '../commandFlags';

const USAGE = 'monitor P.gpkg --indicators A,B,C [--directions +,+,-] [--period P] [--dynamics-years N] [--min-population N] [--weighted] [--rule SPEC …] [--definition ID] [--out FILE]';

type ComputeInput = MethodInput<'monitoring.compute'>;

function list(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** The `--json` document: the CLI contract's fields plus names, indices, texts and messages. */
export function monitorDocument(result: MonitoringResult, lang: CliLanguage) {
  return {
    name: result.name,
    layer: result.layer,
    period: result.period,
    dynamicsStart: result.dynamicsStart,
    previousPeriod: result.previousPeriod,
    weighted: result.weighted,
    minPopulation: result.minPopulation,
    statusCuts: result.statusCuts,
    dynamicsCut: result.dynamicsCut,
    indicators: result.indicators.map((indicator) => ({ id: indicator.id, name: indicator.name[lang], unit: indicator.unit[lang], direction: indicator.direction, mean: indicator.mean, sd: indicator.sd, leftOut: indicator.leftOut })),
    scoredCount: result.scoredCount,
    areas: result.areas.map((area) => ({
      key: area.key,
      name: area.name,
      population: area.population,
      scored: area.scored,
      notScoredReason: area.notScoredReason,
      // Values resting on a count below the small-number threshold come withheld from the service, with
      // their z-scores and the area's indices (shared/monitoring/monitoringProtection.ts).
      values: area.values,
      smallNumbers: area.smallNumbers,
      z: area.z,
      status: area.status,
      indexWithheld: area.indexWithheld,
      statusClass: area.statusClass,
      dynamics: area.dynamics,
      dynamicsClass: area.dynamicsClass,
      overallClass: area.overallClass,
      previousStatusClass: area.previousStatusClass,
      text: area.text[lang],
    })),
    alerts: result.alerts.map((alert) => ({
      key: alert.key,
      name: alert.name,
      rule: alert.rule,
      ruleText: alert.ruleText[lang],
      indicator: alert.indicator,
      value: alert.value,
      smallNumber: alert.smallNumber,
      threshold: alert.threshold,
      reference: alert.reference,
      measure: alert.measure,
      period: alert.period,
      source: alert.source,
      uncertain: alert.uncertain,
      fromClass: alert.fromClass,
      toClass: alert.toClass,
    })),
    messages: result.messages.map((message) => message[lang]),
    synthetic: result.synthetic,
  };
}

function monitorText(result: MonitoringResult, lang: CliLanguage): string {
  const de = lang === 'de';
  const number = (value: number | null) => (value === null ? '–' : formatNumber(value, 2, lang));
  const lines = [
    `${result.name || (de ? 'Sozialmonitoring' : 'Social monitoring')}: ${result.indicators.map((indicator) => `${indicator.name[lang]} (${indicator.direction})`).join(', ')}`,
    `${de ? 'Stichtag' : 'Reference date'} ${formatDate(result.period, lang)}${result.dynamicsStart ? `, ${de ? 'Dynamik seit' : 'dynamics since'} ${formatDate(result.dynamicsStart, lang)}` : ''}; ${result.scoredCount} ${de ? (result.scoredCount === 1 ? 'Gebiet bewertet' : 'Gebiete bewertet') : result.scoredCount === 1 ? 'area scored' : 'areas scored'}`,
    ...result.messages.map((message) => message[lang]),
    '',
  ];
  // "·": withheld, because it would give a small count back (the class is in the text).
  const index = (area: MonitoringResult['areas'][number], value: number | null) => (value === null && area.indexWithheld ? '·' : number(value));
  for (const area of result.areas) lines.push(`  ${area.key}  ${area.name.padEnd(28)} ${index(area, area.status).padStart(7)} ${index(area, area.dynamics).padStart(7)}  ${area.text[lang]}`);
  if (result.areas.some((area) => area.indexWithheld)) {
    lines.push(de ? `  · nicht ausgewiesen: Fallzahlen unter ${formatNumber(result.smallNumberThreshold, 0, lang)} (die Indizes gäben sie preis)` : `  · withheld: counts below ${formatNumber(result.smallNumberThreshold, 0, lang)} (the indices would give them away)`);
  }
  if (result.alerts.length > 0) {
    lines.push('', de ? 'Auffälligkeiten:' : 'Alerts:');
    const classes = (alert: MonitoringResult['alerts'][number]) => (alert.fromClass && alert.toClass ? ` (${STATUS_CLASS_TEXT[alert.fromClass][lang]} → ${STATUS_CLASS_TEXT[alert.toClass][lang]}${result.previousPeriod ? `, ${de ? 'zuvor' : 'before'} ${formatDate(result.previousPeriod, lang)}` : ''})` : '');
    for (const alert of result.alerts) lines.push(`  ${alert.name}: ${alert.ruleText[lang]}${alert.value === null ? '' : ` (${number(alert.value)})`}${classes(alert)}${alert.uncertain ? (de ? ' – beruht auf Beispieldaten/Schätzungen' : ' – rests on sample data/estimates') : ''}`);
  }
  if (result.synthetic) lines.push('', de ? 'Beispieldaten, synthetisch – keine amtlichen Werte' : 'Sample data, synthetic – not official figures');
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'monitor',
  summary: { de: 'Sozialmonitoring: Status- und Dynamikindex, Klassen, Auffälligkeiten', en: 'Social monitoring: status and dynamics index, classes, alerts' },
  usage: USAGE,
  options: {
    indicators: { type: 'string' },
    directions: { type: 'string' },
    period: { type: 'string' },
    'dynamics-years': { type: 'string' },
    'min-population': { type: 'string' },
    weighted: { type: 'boolean' },
    'population-indicator': { type: 'string' },
    layer: { type: 'string' },
    rule: { type: 'string', multiple: true },
    definition: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...FIGURE_FILE_OPTIONS,
  },
  optionHelp: {
    indicators: { de: 'Kennzahl-IDs, mit Komma getrennt (siehe kleinraum info)', en: 'indicator ids, comma-separated (see kleinraum info)' },
    directions: { de: 'Richtung je Kennzahl: + (höher = mehr Handlungsbedarf, Standard) oder -', en: 'direction per indicator: + (higher = more need, default) or -' },
    period: { de: 'Stichtag (2024-12-31 oder 31.12.2024); Standard: der letzte gemeinsame', en: 'reference date (2024-12-31 or 31.12.2024); default: the latest common one' },
    'dynamics-years': { de: 'Jahre des Dynamikzeitraums 1–20 (Standard 3)', en: 'years of the dynamics period 1–20 (default 3)' },
    'min-population': { de: 'Gebiete mit weniger Einwohnern werden nicht bewertet (Standard 300)', en: 'areas with fewer inhabitants are not scored (default 300)' },
    weighted: { de: 'z-Werte nach Einwohnern gewichten', en: 'weight z-scores by population' },
    'population-indicator': { de: 'Kennzahl der Einwohnerzahl (Standard population_total)', en: 'indicator of the population (default population_total)' },
    layer: LAYER_HELP,
    rule: { de: 'Regel (mehrfach): above:ID:X, below:ID:X, deviation:ID:X% oder :Xpt, change:ID:X%:Ny, fences:ID:1.5|3, worse-class', en: 'rule (repeatable): above:ID:X, below:ID:X, deviation:ID:X% or :Xpt, change:ID:X%:Ny, fences:ID:1.5|3, worse-class' },
    definition: { de: 'eine im Projekt gespeicherte Monitoring-Definition (ID); andere Angaben ersetzen ihre Werte', en: 'a monitoring definition saved in the project (id); other flags override its values' },
    out: { de: 'Datei: .csv, .xlsx (Tabelle) oder .svg, .png, .pdf (Ausschussblatt)', en: 'file: .csv, .xlsx (table) or .svg, .png, .pdf (committee sheet)' },
    ...FIGURE_FILE_HELP,
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${USAGE}`, en: `Project file missing: kleinraum ${USAGE}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const definitionId = stringFlag(context, 'definition');
    const indicatorsText = stringFlag(context, 'indicators');
    if (indicatorsText === undefined && definitionId === undefined) throw new CliUsageError({ de: 'Kennzahlen fehlen: --indicators A,B,C oder --definition ID angeben (siehe kleinraum info).', en: 'Indicators missing: add --indicators A,B,C or --definition ID (see kleinraum info).' });
    const ids = indicatorsText === undefined ? undefined : list(indicatorsText);
    const directionsText = stringFlag(context, 'directions');
    const directions = directionsText === undefined ? undefined : list(directionsText);
    if (directions !== undefined) {
      const bad = directions.find((direction) => direction !== '+' && direction !== '-');
      if (bad !== undefined) throw new CliUsageError({ de: `--directions ist eine Liste aus + und -, z. B. +,+,-, nicht „${bad}“.`, en: `--directions is a list of + and -, e.g. +,+,-, not "${bad}".` });
      if (ids !== undefined && directions.length !== ids.length) throw new CliUsageError({ de: `--directions nennt ${directions.length} Richtungen für ${ids.length} Kennzahlen: je Kennzahl eine angeben.`, en: `--directions names ${directions.length} directions for ${ids.length} indicators: give one per indicator.` });
    }
    const ruleTexts = (context.values['rule'] as string[] | undefined) ?? [];
    const rules: AlertRule[] = ruleTexts.map((text) => {
      const rule = parseRuleSpec(text);
      if (!rule) throw new CliUsageError({ de: `--rule „${text}“ ist keine Regel. Beispiele: above:refugees_per_1000:20, deviation:foreign_share:25%, change:refugees_per_1000:30%:3y, fences:under18_share:1.5, worse-class.`, en: `--rule "${text}" is not a rule. Examples: above:refugees_per_1000:20, deviation:foreign_share:25%, change:refugees_per_1000:30%:3y, fences:under18_share:1.5, worse-class.` });
      return rule;
    });
    const dynamicsYears = wholeNumberFlag(context, 'dynamics-years', 1, 20);
    const minPopulation = wholeNumberFlag(context, 'min-population', 0, 100_000_000);
    const figure = figureFileFlags(context, MONITORING_EXPORT_FORMATS);
    const periodText = stringFlag(context, 'period');
    const projectPath = existingProjectFile(given, `kleinraum ${USAGE}`);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      const project = await backend.call('project.open', { path: projectPath });
      const saved = definitionId === undefined ? undefined : readFamilySetting(project.settings, 'monitoring.definition.', definitionId);
      if (definitionId !== undefined && saved === undefined) {
        const known = Object.keys(project.settings).filter((key) => key.startsWith('monitoring.definition.')).map((key) => key.slice('monitoring.definition.'.length));
        throw new CliUsageError({ de: `Die Monitoring-Definition „${definitionId}“ gibt es im Projekt nicht. Vorhanden: ${known.join(', ') || '–'}.`, en: `The project has no monitoring definition "${definitionId}". Saved: ${known.join(', ') || '–'}.` });
      }
      const base = saved ?? monitoringDefinition.parse({ name: 'Sozialmonitoring', indicators: (ids ?? []).map((id) => ({ id })) });
      const indicators = ids === undefined ? base.indicators.map((indicator, index) => ({ ...indicator, direction: (directions?.[index] as '+' | '-' | undefined) ?? indicator.direction })) : ids.map((id, index) => ({ id, direction: (directions?.[index] ?? '+') as '+' | '-' }));
      const input: ComputeInput = {
        ...base,
        indicators,
        rules: rules.length > 0 ? rules : base.rules,
        ...(dynamicsYears !== undefined ? { dynamicsYears } : {}),
        ...(minPopulation !== undefined ? { minPopulation } : {}),
        ...(context.values['weighted'] === true ? { weighted: true } : {}),
        ...(stringFlag(context, 'population-indicator') !== undefined ? { populationIndicator: stringFlag(context, 'population-indicator') } : {}),
        ...(stringFlag(context, 'layer') !== undefined ? { layer: stringFlag(context, 'layer') } : {}),
        ...(periodText !== undefined ? { period: isoPeriod(periodText) } : {}),
      };
      const result = await backend.call('monitoring.compute', input);
      let written: { out: string; widthPx?: number; heightPx?: number } | null = null;
      if (figure.out) {
        const file = await backend.call('monitoring.export', { ...input, format: figure.out.format, locale: context.lang, page: figure.page, dpi: figure.dpi });
        writeOutputFile(figure.out.path, file.base64);
        written = { out: figure.out.path, ...(file.widthPx !== undefined ? { widthPx: file.widthPx, heightPx: file.heightPx as number } : {}) };
      }
      if (context.json) context.output.json({ ...monitorDocument(result, context.lang), ...(written ?? {}) });
      else {
        context.output.text(monitorText(result, context.lang));
        if (written) context.output.text({ de: `Geschrieben: ${written.out}`, en: `Written: ${written.out}` });
      }
    } finally {
      backend.dispose();
    }
  },
};
