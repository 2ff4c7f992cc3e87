/**
 * The one-sentence reading of a global Moran's I for planners: clustered, alternating or no pattern, with
 * the figures that back it, in German or English. The same sentence is shown in the Analyse tab, printed
 * by `kleinraum moran` and written into exports.
 */
import { formatNumber, type Locale } from '../format/number';
import { localized, translate } from '../i18n/translate';
import type { MoranResult } from './analysisTypes';

/**
 * @example globalExplanation(result, 'de') // "Die Werte von „Ausländeranteil“ ballen sich räumlich: …"
 */
export function globalExplanation(result: MoranResult, locale: Locale): string {
  const indicator = localized(result.indicator.name, locale);
  const { I, expectedI, pseudoPValue, analyticalPValue } = result.global;
  const p = pseudoPValue ?? analyticalPValue;
  const I_text = formatNumber(I, 3, locale);
  if (p === null || p > result.significanceLevel) {
    const random = translate(locale, 'analysis.explain.random', { indicator, I: I_text, p: p === null ? '–' : formatNumber(p, 3, locale) });
    // Local clusters beside a region without a pattern, found without correcting for the many local tests:
    // some of them are expected by chance, and the planner should read them so.
    const counts = result.clusterCounts;
    const local = counts.HH + counts.LL + counts.HL + counts.LH;
    if (local === 0 || result.correction !== 'none') return random;
    return `${random} ${translate(locale, 'analysis.explain.localUncorrected', { count: formatNumber(local, 0, locale) })}`;
  }
  const share = `${formatNumber(p * 100, p < 0.01 ? 1 : 0, locale)} %`;
  const permutations = formatNumber(result.permutations, 0, locale);
  return translate(locale, I > expectedI ? 'analysis.explain.clustered' : 'analysis.explain.dispersed', { indicator, I: I_text, share, permutations });
}

/** What a cluster means and what it does not, with the significance level. */
export function clusterExplanation(significanceLevel: number, locale: Locale): string {
  return translate(locale, 'analysis.explain.clusters', { alpha: percentText(significanceLevel, locale) });
}

/** "Moran's I = 0,127, Erwartungswert -0,050, z = 1,58, Pseudo-p = 0,069 (999 Permutationen, Seed 1)". */
export function globalNote(result: MoranResult, locale: Locale): string {
  const global = result.global;
  return translate(locale, 'analysis.note.global', {
    I: formatNumber(global.I, 3, locale),
    expected: formatNumber(global.expectedI, 3, locale),
    z: global.zScore === null ? '–' : formatNumber(global.zScore, 2, locale),
    p: global.pseudoPValue === null ? '–' : formatNumber(global.pseudoPValue, 3, locale),
    permutations: result.permutations,
    seed: result.seed,
  });
}

/** "Nachbarschaft: gemeinsame Grenze oder Ecke (Queen), zeilenstandardisiert; Korrektur: FDR; Signifikanzniveau 5 %". */
export function methodNote(result: MoranResult, locale: Locale): string {
  return translate(locale, 'analysis.note.method', {
    weights: translate(locale, `analysis.weights.${result.weights.type}`, { k: result.weights.k }),
    correction: translate(locale, `analysis.correction.${result.correction}`),
    alpha: percentText(result.significanceLevel, locale),
  });
}

/** 0.05 → "5 %", 0.001 → "0,1 %". */
function percentText(share: number, locale: Locale): string {
  return `${formatNumber(share * 100, share < 0.01 ? 1 : 0, locale)} %`;
}
