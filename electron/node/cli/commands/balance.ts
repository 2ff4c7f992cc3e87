/**
 * `kleinraum balance P.gpkg --variable ID [--layer L] [--threshold PCT] [--out FILE.csv|.xlsx]`: the
 * stock–flow account per area and period through the same `balance.compute` method the Bilanz view uses.
 * residual = stockEnd − (stockStart + inflow − outflow ± other terms); periods whose residual exceeds the
 * threshold (percent of the stock) are flagged. Exit code 0 either way: a flagged account is a finding,
 * not an error (the JSON and the text say which areas).
 */
import { BALANCE_EXPORT_FORMATS } from '../../../../shared/contract/methods/movement';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { accountSummaryText, accountTermText, isWithheldTerm } from '../../../../shared/movement/accountProtection';
import type { AccountTerm } from '../../../../shared/movement/stockFlowAccount';
import { FLOW_TERM_SIGN } from '../../../../shared/movement/accountVariables';
import { accountEquation, accountTerms, unknownAccountPeriodText } from '../../../../shared/movement/accountLabels';
import { shortSourceName } from '../../../../shared/sources/sourceChoiceLine';
import { UserError } from '../../../../shared/contract/errors';
import { localized, translate } from '../../../../shared/i18n/translate';
import { CliUsageError, type CliCommand } from '../command';
import { isoPeriod, stringFlag } from '../mapViewFlags';
import { existingProjectFile } from '../projectPaths';
import { writeOutputFile } from '../outputFile';
import { FIGURE_FILE_HELP, FIGURE_FILE_OPTIONS, figureFileFlags, LAYER_HELP } from '../commandFlags';

const USAGE = 'balance P.gpkg [--variable ID] [--layer L] [--threshold PCT] [--inflow ID --outflow ID] [--area KEY|all [--period DATE]] [--out FILE.svg|.png|.pdf|.csv|.xlsx]';

export const command: CliCommand = {
  name: 'balance',
  summary: { de: 'Bestand und Bewegung: Bilanz je Gebiet und Zeitraum mit nicht erklärtem Rest', en: 'Stock and flows: the account per area and period with its unexplained remainder' },
  usage: USAGE,
  options: {
    variable: { type: 'string' },
    layer: { type: 'string' },
    threshold: { type: 'string' },
    inflow: { type: 'string' },
    outflow: { type: 'string' },
    births: { type: 'string' },
    deaths: { type: 'string' },
    area: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...FIGURE_FILE_OPTIONS,
  },
  optionHelp: {
    variable: { de: 'Bestandsvariable (Standard: die erste mit Zu- und Fortzügen, z. B. refugees)', en: 'stock variable (default: the first with arrivals and departures, e.g. refugees)' },
    layer: LAYER_HELP,
    threshold: { de: 'Schwelle in % des Bestands, ab der ein Rest auffällt (Standard 1)', en: 'threshold in % of the stock above which a remainder is flagged (default 1)' },
    inflow: { de: 'Variable der Zuzüge (Standard: <Bestand>_arrivals)', en: 'variable of arrivals (default: <stock>_arrivals)' },
    outflow: { de: 'Variable der Fortzüge (Standard: <Bestand>_departures)', en: 'variable of departures (default: <stock>_departures)' },
    births: { de: 'Variable der Geburten (Standard: <Bestand>_births, falls vorhanden)', en: 'variable of births (default: <stock>_births where present)' },
    deaths: { de: 'Variable der Sterbefälle (Standard: <Bestand>_deaths, falls vorhanden)', en: 'variable of deaths (default: <stock>_deaths where present)' },
    area: { de: 'Schlüssel eines Gebiets: nur seine Bilanz (Abbildung: sonst die der Region); „all“: alle Gebiete für einen Zeitraum', en: 'key of one area: only its account (figure: else the region\'s); "all": every area for one period' },
    period: { de: 'mit --area all: Stichtag am Ende des Zeitraums (2024-12-31 oder 31.12.2024); Standard: der letzte', en: 'with --area all: reference date ending the period (2024-12-31 or 31.12.2024); default: the last' },
    out: { de: 'Abbildung (.svg, .png, .pdf, mit Quellen und Stichtagen) oder Tabelle (.csv, .xlsx)', en: 'figure (.svg, .png, .pdf, with sources and reference dates) or table (.csv, .xlsx)' },
    ...FIGURE_FILE_HELP,
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${USAGE}`, en: `Project file missing: kleinraum ${USAGE}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const thresholdText = stringFlag(context, 'threshold');
    const thresholdPercent = thresholdText === undefined ? 1 : Number(thresholdText.replace(',', '.'));
    if (!Number.isFinite(thresholdPercent) || thresholdPercent < 0 || thresholdPercent > 100) {
      throw new CliUsageError({ de: `--threshold ist eine Zahl von 0 bis 100 (Prozent des Bestands), nicht „${thresholdText}“.`, en: `--threshold is a number from 0 to 100 (percent of the stock), not "${thresholdText}".` });
    }
    const figure = figureFileFlags(context, BALANCE_EXPORT_FORMATS);
    const outPath = figure.out?.path;
    const areaFlag = stringFlag(context, 'area');
    // --area all: every area's account for one period (the figure: one table), else one area's.
    const allAreas = areaFlag === 'all';
    const areaKey = allAreas ? undefined : areaFlag;
    const periodText = stringFlag(context, 'period');
    if (periodText !== undefined && !allAreas) throw new CliUsageError({ de: '--period gilt nur mit --area all.', en: '--period only applies with --area all.' });
    const period = periodText === undefined ? undefined : isoPeriod(periodText);
    const flows = Object.fromEntries((['inflow', 'outflow', 'births', 'deaths'] as const).flatMap((term) => (stringFlag(context, term) !== undefined ? [[term, stringFlag(context, term) as string]] : [])));
    const variable = stringFlag(context, 'variable');
    const layer = stringFlag(context, 'layer');
    const projectPath = existingProjectFile(given, `kleinraum ${USAGE}`);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      await backend.call('project.open', { path: projectPath });
      const input = { thresholdPercent, ...(variable !== undefined ? { variable } : {}), ...(layer !== undefined ? { layer } : {}), ...(Object.keys(flows).length > 0 ? { flows } : {}) };
      const balance = await backend.call('balance.compute', input);
      const chosen = areaKey === undefined ? null : balance.areas.find((area) => area.key === areaKey);
      if (areaKey !== undefined && !chosen) {
        throw new UserError('not-found', { de: `Das Gebiet ${areaKey} gibt es in der Ebene „${balance.layer}“ nicht (Schlüssel: kleinraum info).`, en: `The layer "${balance.layer}" has no area ${areaKey} (keys: kleinraum info).` });
      }
      const periodProblem = period === undefined ? null : unknownAccountPeriodText(balance.periods, period);
      if (periodProblem) throw new UserError('not-found', periodProblem);
      const shownPeriod = allAreas ? (period ?? balance.periods.at(-1)) : undefined;
      if (figure.out) {
        const scope = allAreas ? { allAreas: true, ...(period !== undefined ? { period } : {}) } : areaKey !== undefined ? { areaKey } : {};
        const file = await backend.call('balance.export', { ...input, format: figure.out.format, locale: context.lang, page: figure.page, dpi: figure.dpi, ...scope });
        writeOutputFile(figure.out.path, file.base64);
      }
      const flagged = balance.areas.filter((area) => area.flagged);
      const terms = accountTerms(balance);
      // Small counts (0 < n < threshold), and what would reveal one (balance.compute withholds it), are
      // null and named in `withheld`.
      const small = balance.smallNumberThreshold;
      const shown = (term: AccountTerm | undefined) => (term === undefined || isWithheldTerm(term, small) ? null : term.value);
      if (context.json) {
        context.output.json({
          smallNumberThreshold: small,
          variable: balance.variables.stock,
          flows: balance.variables.flows,
          layer: balance.layer,
          thresholdPercent: balance.thresholdPercent,
          periods: balance.periods,
          flagged: flagged.map((area) => area.key),
          sources: balance.sources.map((source) => ({ id: source.id, name: source.name })),
          synthetic: balance.synthetic,
          ...(outPath !== undefined ? { out: outPath } : {}),
          areas: [...balance.areas, balance.region].map((area) => ({
            key: area.key,
            name: area.name,
            flagged: area.flagged,
            // --area all: that period's account only, as on the console and in the figure.
            periods: area.periods.filter((period) => shownPeriod === undefined || period.period === shownPeriod).map((period) => ({
              period: period.period,
              previousPeriod: period.previousPeriod,
              stockStart: shown(period.stockStart),
              inflow: shown(period.flows.inflow),
              outflow: shown(period.flows.outflow),
              ...Object.fromEntries(terms.filter((term) => term !== 'inflow' && term !== 'outflow').map((term) => [term, shown(period.flows[term])])),
              stockEnd: shown(period.stockEnd),
              withheld: [
                ...(isWithheldTerm(period.stockStart, small) ? ['stockStart'] : []),
                ...terms.filter((term) => isWithheldTerm(period.flows[term], small)),
                ...(isWithheldTerm(period.stockEnd, small) ? ['stockEnd'] : []),
              ],
              residual: period.residual,
              residualPercent: period.residualPercent,
              remainderWithheld: period.remainderWithheld,
              flagWithheld: period.flagWithheld,
              flagged: period.flagged,
              complete: period.complete,
              sources: { stockStart: period.stockStart.sourceId, stockEnd: period.stockEnd.sourceId, ...Object.fromEntries(terms.map((term) => [term, period.flows[term]?.sourceId ?? null])) },
            })),
          })),
        });
        return;
      }
      const lang = context.lang;
      const de = lang === 'de';
      const number = (value: number | null, decimals = 0) => (value === null ? '–' : formatNumber(value, decimals, lang));
      // The account in the app's words ("Bestand am Anfang + Zuzüge − Fortzüge = Bestand am Ende"), the stock by its name.
      const equation = accountEquation(balance, lang);
      const stockName = balance.variableNames[balance.variables.stock];
      context.output.text(`${stockName ? localized(stockName, lang) : balance.variables.stock}: ${equation}; ${de ? 'Schwelle' : 'threshold'} ${number(balance.thresholdPercent, 1)} %`);
      // A listed period shows its terms, so the remainder can be checked by hand: 37 + 9 − 9 = 37, gezählt 41, Rest 4.
      const count = (term: AccountTerm | undefined) => (term === undefined ? '–' : accountTermText(term, small, lang));
      const periodLine = (area: (typeof balance.areas)[number], period: (typeof area.periods)[number]) => {
        const sum = [count(period.stockStart), ...terms.map((term) => `${FLOW_TERM_SIGN[term] > 0 ? '+' : '−'} ${count(period.flows[term])}`)].join(' ');
        // With a term withheld as a small count, the sum and the remainder would give it away: both are withheld.
        const expected = period.remainderWithheld || period.residual === null || period.stockEnd.value === null ? '–' : number(period.stockEnd.value - period.residual);
        const remainder = period.remainderWithheld ? translate(lang, 'movement.balance.withheld') : `${number(period.residual)} (${number(period.residualPercent, 1)} %)`;
        const flag = period.flagged ? (de ? '  auffällig' : '  flagged') : period.flagWithheld ? (de ? '  ob auffällig: geschützt' : '  whether flagged: withheld') : '';
        return `  ${area.key.padEnd(9)} ${area.name.padEnd(24)} ${formatDate(period.previousPeriod, lang)}–${formatDate(period.period, lang)}: ${sum} = ${expected}; ${de ? 'gezählt' : 'counted'} ${count(period.stockEnd)}; ${de ? 'Rest' : 'remainder'} ${remainder}${flag}`;
      };
      if (chosen) {
        // --area: that area's account, every period.
        for (const period of chosen.periods) context.output.text(periodLine(chosen, period));
      } else if (allAreas) {
        // --area all: every area's account for one period, the region last.
        context.output.text(accountSummaryText(balance, lang, Math.max(0, balance.periods.indexOf(shownPeriod ?? ''))).text);
        for (const area of [...balance.areas, balance.region]) {
          const areaPeriod = area.periods.find((candidate) => candidate.period === shownPeriod);
          if (areaPeriod) context.output.text(periodLine(area.key === 'region' ? { ...area, key: '', name: translate(lang, 'movement.legend.region') } : area, areaPeriod));
        }
      } else {
        context.output.text(accountSummaryText(balance, lang).text);
        for (const area of flagged) for (const period of area.periods.filter((candidate) => candidate.flagged)) context.output.text(periodLine(area, period));
      }
      context.output.text(`${de ? 'Quellen' : 'Sources'}: ${balance.sources.map((source) => shortSourceName(source.name)).join('; ')}`);
      if (outPath !== undefined) context.output.text({ de: `Geschrieben: ${outPath}`, en: `Written: ${outPath}` });
    } finally {
      backend.dispose();
    }
  },
};
