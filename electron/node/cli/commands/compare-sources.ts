/**
 * `kleinraum compare-sources P.gpkg --variable ID [--period P] [--layer L] [--sources A,B] [--threshold PCT]
 * [--out FILE.csv|.xlsx|.svg|.png|.pdf]`: the same figure from several sources side by side (the
 * Quellenvergleich), through the `sources.compare` / `sources.exportComparison` methods the app uses.
 */
import path from 'node:path';
import { COMPARISON_FORMATS } from '../../../../shared/contract/methods/sources';
import { comparisonSummary } from '../../../../shared/sources/comparisonTable';
import { pairedTotalsCoverAll } from '../../../../shared/sources/compareSources';
import { translate } from '../../../../shared/i18n/translate';
import type { MethodOutput } from '../../../../shared/contract/api';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { LAYER_HELP } from '../commandFlags';
import { CliUsageError, type CliCommand, type CliLanguage } from '../command';
import { isoPeriod, stringFlag } from '../mapViewFlags';
import { outputFormat, projectArgument } from '../projectPaths';

const USAGE = 'compare-sources P.gpkg --variable ID [--period P] [--layer L] [--sources A,B] [--threshold PCT] [--out FILE.csv|.xlsx|.svg|.png|.pdf]';

type Comparison = MethodOutput<'sources.compare'>;

/** The `--json` document: the CLI contract's fields plus the checks, the trend and each source's definition. */
function comparisonDocument(comparison: Comparison, out: string | null) {
  return {
    variable: comparison.variable,
    period: comparison.period,
    layer: comparison.layer,
    sources: comparison.sources,
    areas: comparison.areas,
    totals: comparison.totals,
    unassignable: comparison.unassignable,
    checks: comparison.checks,
    thresholdPercent: comparison.thresholdPercent,
    flaggedCount: comparison.flaggedCount,
    comparedCount: comparison.comparedCount,
    trend: comparison.trend,
    chosenSources: comparison.chosenSources,
    ...(out ? { out } : {}),
  };
}

function comparisonText(comparison: Comparison, lang: CliLanguage): string {
  const de = lang === 'de';
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatNumber(value, 0, lang));
  const percent = (value: number | null) => (value === null ? '–' : `${formatNumber(value, 1, lang)} %`);
  const lines = [
    `${de ? 'Quellenvergleich' : 'Source comparison'}: ${comparison.variableName[lang]}, ${formatDate(comparison.period, lang)}`,
    ...comparison.sources.map((source, index) => `  ${index === 0 ? (de ? 'Bezug' : 'reference') : de ? 'Vergleich' : 'compared'}: ${source.id} – ${source.name} (${source.stichtag ? formatDate(source.stichtag, lang) : '–'})`),
    '',
  ];
  for (const area of comparison.areas) {
    const values = comparison.sources.map((source) => number(area.values[source.id]).padStart(9)).join(' ');
    lines.push(`  ${area.key}  ${area.name.padEnd(26)} ${values}  ${percent(area.gapPercent).padStart(9)}${area.flagged ? '  !' : ''}`);
  }
  lines.push(`  ${(de ? 'Summe' : 'Total').padEnd(36)} ${comparison.sources.map((source) => number(comparison.totals[source.id]).padStart(9)).join(' ')}`);
  const paired = comparison.pairedTotals;
  if (paired && !pairedTotalsCoverAll(comparison)) {
    const label = translate(lang, 'sources.row.pairedSum', { count: paired.areaCount });
    lines.push(`  ${label}`, `  ${''.padEnd(36)} ${number(paired.first).padStart(9)} ${number(paired.second).padStart(9)}`);
  }
  lines.push(`  ${(de ? 'nicht zuordenbar' : 'not assignable').padEnd(36)} ${comparison.sources.map((source) => number(comparison.unassignable[source.id]).padStart(9)).join(' ')}`);
  const check = (sourceId: string) => comparison.checks.find((candidate) => candidate.sourceId === sourceId);
  if (comparison.checks.some((candidate) => candidate.reported !== null)) {
    lines.push(`  ${(de ? 'gemeldete Gesamtzahl' : 'reported total').padEnd(36)} ${comparison.sources.map((source) => number(check(source.id)?.reported).padStart(9)).join(' ')}`);
    lines.push(`  ${(de ? 'Gesamtzahl − (Summe + n. z.)' : 'total − (sum + n. a.)').padEnd(36)} ${comparison.sources.map((source) => number(check(source.id)?.difference).padStart(9)).join(' ')}`);
  }
  lines.push('', ...comparisonSummary(comparison, lang));
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'compare-sources',
  summary: { de: 'Dieselbe Zahl aus mehreren Quellen nebeneinander (Quellenvergleich)', en: 'The same figure from several sources side by side' },
  usage: USAGE,
  options: {
    variable: { type: 'string' },
    period: { type: 'string' },
    layer: { type: 'string' },
    sources: { type: 'string' },
    threshold: { type: 'string' },
    out: { type: 'string', short: 'o' },
    dpi: { type: 'string' },
  },
  optionHelp: {
    variable: { de: 'Variable, z. B. refugees (siehe kleinraum info)', en: 'variable, e.g. refugees (see kleinraum info)' },
    period: { de: 'Stichtag (Standard: der neueste der ersten Quelle, den die zweite auch hat); jede Quelle nimmt ihren nächstgelegenen', en: 'reference date (default: the first source’s latest that the second has too); each source takes its nearest' },
    layer: LAYER_HELP,
    sources: { de: 'Quellen-IDs mit Komma, die erste ist der Bezug (Standard: alle, die gewählte zuerst)', en: 'source ids with commas, the first is the reference (default: all, the chosen first)' },
    threshold: { de: 'Abweichung in %, ab der ein Gebiet auffällt (Standard 10)', en: 'gap in % from which an area is flagged (default 10)' },
    out: { de: 'Zieldatei: .csv/.xlsx (Tabelle) oder .svg/.png/.pdf (Karte der Abweichung)', en: 'target file: .csv/.xlsx (table) or .svg/.png/.pdf (map of the gap)' },
    dpi: { de: 'Auflösung der PNG-Datei: 150, 300 oder 600', en: 'PNG resolution: 150, 300 or 600' },
  },
  async run(context) {
    const projectPath = projectArgument(context.positionals, USAGE);
    const variable = stringFlag(context, 'variable');
    if (!variable) throw new CliUsageError({ de: 'Variable fehlt: --variable ID angeben (siehe kleinraum info).', en: 'Variable missing: add --variable ID (see kleinraum info).' });
    const thresholdText = stringFlag(context, 'threshold');
    const thresholdPercent = thresholdText === undefined ? undefined : Number(thresholdText.replace(',', '.'));
    if (thresholdPercent !== undefined && !(Number.isFinite(thresholdPercent) && thresholdPercent >= 0)) {
      throw new CliUsageError({ de: `--threshold: „${thresholdText}“ ist keine Prozentzahl ≥ 0 (z. B. --threshold 10).`, en: `--threshold: "${thresholdText}" is not a percentage ≥ 0 (e.g. --threshold 10).` });
    }
    const sourcesText = stringFlag(context, 'sources');
    const sources = sourcesText?.split(',').map((id) => id.trim()).filter((id) => id.length > 0);
    if (sources && sources.length < 2) throw new CliUsageError({ de: '--sources braucht mindestens zwei Quellen, z. B. --sources demo-azr,demo-asylblg.', en: '--sources needs at least two sources, e.g. --sources demo-azr,demo-asylblg.' });
    const dpiText = stringFlag(context, 'dpi');
    const dpi = dpiText === undefined ? undefined : Number(dpiText);
    if (dpi !== undefined && dpi !== 150 && dpi !== 300 && dpi !== 600) throw new CliUsageError({ de: `--dpi muss 150, 300 oder 600 sein, nicht „${dpiText}“.`, en: `--dpi must be 150, 300 or 600, not "${dpiText}".` });
    const out = stringFlag(context, 'out');
    const format = out ? outputFormat(out, COMPARISON_FORMATS) : null;
    const periodText = stringFlag(context, 'period');
    const input = {
      variable,
      ...(periodText ? { period: isoPeriod(periodText) } : {}),
      ...(stringFlag(context, 'layer') ? { layer: stringFlag(context, 'layer') } : {}),
      ...(sources ? { sources } : {}),
      ...(thresholdPercent !== undefined ? { thresholdPercent } : {}),
    };
    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      await backend.call('project.open', { path: projectPath });
      const comparison = await backend.call('sources.compare', input);
      let written: string | null = null;
      if (out && format) {
        const file = await backend.call('sources.exportComparison', { ...input, format, path: path.resolve(out), locale: context.lang, ...(dpi ? { dpi: dpi as 150 | 300 | 600 } : {}) });
        written = file.path;
      }
      if (context.json) context.output.json(comparisonDocument(comparison, written));
      else context.output.text(`${comparisonText(comparison, context.lang)}${written ? `\n${context.lang === 'de' ? 'Geschrieben' : 'Written'}: ${written}` : ''}`);
    } finally {
      backend.dispose();
    }
  },
};
