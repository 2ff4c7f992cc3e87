/**
 * `kleinraum moran P.gpkg --indicator ID [--period P] [--layer L] [--weights queen|rook|knn:K]
 * [--permutations N] [--seed S] [--correction none|bonferroni|fdr] [--out FILE]`: global and local Moran's I
 * through the same `analysis.moran` method the Analyse tab uses; with `--out` also a committee figure
 * (.svg, .png, .pdf: cluster map unless `--view` says otherwise) or the table (.csv, .xlsx) through
 * `analysis.export`.
 */
import { globalExplanation } from '../../../../shared/analysis/explanation';
import type { MoranResult } from '../../../../shared/analysis/analysisTypes';
import type { MethodInput } from '../../../../shared/contract/api';
import { ANALYSIS_EXPORT_FORMATS, ANALYSIS_VIEWS, DEFAULT_NEAREST_NEIGHBOURS } from '../../../../shared/contract/methods/analysis';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { CORRECTIONS, type Correction } from '../../../../shared/spatial/multipleTesting';
import { CliUsageError, type CliCommand, type CliLanguage } from '../command';
import { isoPeriod, stringFlag } from '../mapViewFlags';
import { existingProjectFile } from '../projectPaths';
import { writeOutputFile } from '../outputFile';
import { FIGURE_FILE_HELP, FIGURE_FILE_OPTIONS, choiceFlag, figureFileFlags, wholeNumberFlag, LAYER_HELP } from '../commandFlags';

const USAGE = 'moran P.gpkg --indicator ID [--period P] [--layer L] [--weights queen|rook|knn:K] [--permutations N] [--seed S] [--correction none|bonferroni|fdr] [--out FILE]';
const FIGURE_VIEWS = ANALYSIS_VIEWS.filter((view) => view !== 'scatter');

type MoranInput = MethodInput<'analysis.moran'>;

/** "queen", "rook", "knn" or "knn:6" → the weights specification. */
export function parseWeightsFlag(text: string | undefined): { type: 'queen' | 'rook' | 'knn'; k: number } {
  if (text === undefined) return { type: 'queen', k: DEFAULT_NEAREST_NEIGHBOURS };
  const match = /^(queen|rook|knn)(?::(\d+))?$/.exec(text.trim().toLowerCase());
  const k = match?.[2] === undefined ? DEFAULT_NEAREST_NEIGHBOURS : Number(match[2]);
  if (!match || (match[1] !== 'knn' && match[2] !== undefined) || k < 1 || k > 20) {
    throw new CliUsageError({
      de: `--weights ist queen, rook oder knn:K mit K von 1 bis 20 (z. B. --weights knn:6), nicht „${text}“.`,
      en: `--weights is queen, rook or knn:K with K from 1 to 20 (e.g. --weights knn:6), not "${text}".`,
    });
  }
  return { type: match[1] as 'queen' | 'rook' | 'knn', k };
}

function weightsText(weights: MoranResult['weights']): string {
  return weights.type === 'knn' ? `knn:${weights.k}` : weights.type;
}

/** The `--json` document: the CLI contract's fields plus the method, the left-out areas and the islands. */
export function moranDocument(result: MoranResult, lang: CliLanguage) {
  return {
    indicator: { id: result.indicator.id, name: result.indicator.name[lang], unit: result.indicator.unit[lang] },
    layer: result.layer,
    period: result.period,
    weights: weightsText(result.weights),
    I: result.global.I,
    expectedI: result.global.expectedI,
    zScore: result.global.zScore,
    pValue: result.global.pseudoPValue,
    analyticalPValue: result.global.analyticalPValue,
    permutations: result.permutations,
    seed: result.seed,
    correction: result.correction,
    significanceLevel: result.significanceLevel,
    explanation: globalExplanation(result, lang),
    analysedCount: result.analysedCount,
    leftOut: result.leftOut,
    islands: result.islands,
    clusterCounts: result.clusterCounts,
    areas: result.areas.map((area) => ({
      key: area.key,
      name: area.name,
      value: area.smallNumber ? null : area.value,
      localI: area.localI,
      pValue: area.pValue,
      adjustedPValue: area.adjustedPValue,
      cluster: area.cluster,
      island: area.island,
      analysed: area.analysed,
    })),
  };
}

function moranText(result: MoranResult, lang: CliLanguage): string {
  const de = lang === 'de';
  const number = (value: number | null, decimals: number) => (value === null ? '–' : formatNumber(value, decimals, lang));
  const lines = [
    `${result.indicator.name[lang]}, ${formatDate(result.period, lang)} – ${de ? 'Nachbarschaft' : 'weights'} ${weightsText(result.weights)}, ${result.analysedCount} ${de ? 'Gebiete' : 'areas'}`,
    `Moran's I = ${number(result.global.I, 4)}  E[I] = ${number(result.global.expectedI, 4)}  z = ${number(result.global.zScore, 2)}  ${de ? 'Pseudo-p' : 'pseudo p'} = ${number(result.global.pseudoPValue, 3)} (${result.permutations} ${de ? 'Permutationen, Seed' : 'permutations, seed'} ${result.seed})`,
    globalExplanation(result, lang),
    '',
  ];
  for (const area of result.areas) {
    const cluster = !area.analysed ? (de ? 'keine Daten' : 'no data') : area.island ? (de ? 'Insel' : 'island') : area.cluster;
    lines.push(`  ${area.key}  ${area.name.padEnd(28)} ${number(area.localI, 3).padStart(8)}  p ${number(area.adjustedPValue, 3).padStart(6)}  ${cluster}`);
  }
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'moran',
  summary: { de: "Räumliche Autokorrelation: globales und lokales Moran's I (Hot Spots, Cold Spots)", en: "Spatial autocorrelation: global and local Moran's I (hot spots, cold spots)" },
  usage: USAGE,
  options: {
    indicator: { type: 'string' },
    period: { type: 'string' },
    layer: { type: 'string' },
    weights: { type: 'string' },
    permutations: { type: 'string' },
    seed: { type: 'string' },
    correction: { type: 'string' },
    significance: { type: 'string' },
    out: { type: 'string', short: 'o' },
    view: { type: 'string' },
    ...FIGURE_FILE_OPTIONS,
  },
  optionHelp: {
    indicator: { de: 'Kennzahl-ID (siehe kleinraum info)', en: 'indicator id (see kleinraum info)' },
    period: { de: 'Stichtag (2019-12-31 oder 31.12.2019); Standard: der letzte', en: 'reference date (2019-12-31 or 31.12.2019); default: the latest' },
    layer: LAYER_HELP,
    weights: { de: `Nachbarschaft: queen (Grenze oder Ecke, Standard), rook (Grenzlinie) oder knn:K (K nächste Nachbarn, Standard K = ${DEFAULT_NEAREST_NEIGHBOURS})`, en: `neighbours: queen (border or corner, default), rook (border line) or knn:K (K nearest, default K = ${DEFAULT_NEAREST_NEIGHBOURS})` },
    permutations: { de: 'Zahl der Permutationen 0–99999 (Standard 999)', en: 'number of permutations 0–99999 (default 999)' },
    seed: { de: 'Startwert der Zufallszahlen (Standard 123456789): gleicher Seed, gleiches Ergebnis', en: 'random seed (default 123456789): same seed, same result' },
    correction: { de: 'Korrektur für viele Tests: none (Standard), bonferroni oder fdr', en: 'multiple-testing correction: none (default), bonferroni or fdr' },
    significance: { de: 'Signifikanzniveau für Cluster: 0.05 (Standard), 0.01 oder 0.001', en: 'significance level for clusters: 0.05 (default), 0.01 or 0.001' },
    out: { de: 'Datei: .svg, .png, .pdf (Abbildung) oder .csv, .xlsx (Tabelle)', en: 'file: .svg, .png, .pdf (figure) or .csv, .xlsx (table)' },
    view: { de: `Abbildung für --out: ${FIGURE_VIEWS.join(', ')} (Standard clusterMap)`, en: `figure for --out: ${FIGURE_VIEWS.join(', ')} (default clusterMap)` },
    ...FIGURE_FILE_HELP,
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${USAGE}`, en: `Project file missing: kleinraum ${USAGE}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const indicatorId = stringFlag(context, 'indicator');
    if (indicatorId === undefined) throw new CliUsageError({ de: 'Kennzahl fehlt: --indicator ID angeben (siehe kleinraum info).', en: 'Indicator missing: add --indicator ID (see kleinraum info).' });
    const weights = parseWeightsFlag(stringFlag(context, 'weights'));
    const permutations = wholeNumberFlag(context, 'permutations', 0, 99_999) ?? 999;
    const seed = wholeNumberFlag(context, 'seed', 0, 2 ** 31 - 1) ?? 123_456_789;
    const correction: Correction = choiceFlag(context, 'correction', CORRECTIONS, 'none');
    const significanceText = stringFlag(context, 'significance') ?? '0.05';
    const significanceLevel = Number(significanceText.replace(',', '.'));
    if (!(significanceLevel > 0 && significanceLevel < 1)) throw new CliUsageError({ de: `--significance ist eine Zahl zwischen 0 und 1, z. B. 0.05, nicht „${significanceText}“.`, en: `--significance is a number between 0 and 1, e.g. 0.05, not "${significanceText}".` });
    const figure = figureFileFlags(context, ANALYSIS_EXPORT_FORMATS);
    const view = choiceFlag(context, 'view', FIGURE_VIEWS, 'clusterMap');
    const periodText = stringFlag(context, 'period');
    const projectPath = existingProjectFile(given, `kleinraum ${USAGE}`);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      await backend.call('project.open', { path: projectPath });
      const input: MoranInput = {
        indicatorId,
        weights,
        permutations,
        seed,
        correction,
        significanceLevel,
        ...(stringFlag(context, 'layer') !== undefined ? { layer: stringFlag(context, 'layer') } : {}),
        ...(periodText !== undefined ? { period: isoPeriod(periodText) } : {}),
      };
      const result = await backend.call('analysis.moran', input);
      if (result.leftOut.length > 0) {
        context.output.warn({
          de: `Hinweis: ${result.leftOut.length} Gebiete ohne Wert ausgelassen: ${result.leftOut.map((area) => area.name).join(', ')}.`,
          en: `Note: ${result.leftOut.length} areas without a value left out: ${result.leftOut.map((area) => area.name).join(', ')}.`,
        });
      }
      if (result.islands.length > 0) {
        context.output.warn({
          de: `Hinweis: ${result.islands.length} Gebiete ohne Nachbarn (Inseln, räumlich verzögerter Wert 0, nie Cluster): ${result.islands.map((area) => area.name).join(', ')}. Mit --weights knn:K gibt es keine Inseln.`,
          en: `Note: ${result.islands.length} areas without neighbours (islands, spatial lag 0, never a cluster): ${result.islands.map((area) => area.name).join(', ')}. --weights knn:K has no islands.`,
        });
      }
      let written: { out: string; widthPx?: number; heightPx?: number } | null = null;
      if (figure.out) {
        const { format } = figure.out;
        const file = await backend.call('analysis.export', { ...input, view: format === 'csv' || format === 'xlsx' ? 'clusterMap' : view, format, locale: context.lang, page: figure.page, dpi: figure.dpi });
        writeOutputFile(figure.out.path, file.base64);
        written = { out: figure.out.path, ...(file.widthPx !== undefined ? { widthPx: file.widthPx, heightPx: file.heightPx as number } : {}) };
      }
      if (context.json) context.output.json({ ...moranDocument(result, context.lang), ...(written ?? {}) });
      else {
        context.output.text(moranText(result, context.lang));
        if (written) context.output.text({ de: `Geschrieben: ${written.out}`, en: `Written: ${written.out}` });
      }
    } finally {
      backend.dispose();
    }
  },
};
