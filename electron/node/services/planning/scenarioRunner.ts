/**
 * Runs a stored scenario on a project: reads the layer's areas, the start population at the scenario's
 * start year, the rates and the supply from the project file, and hands them to the pure core
 * (shared/planning/runScenario). No planning logic lives here, only loading.
 */
import { UserError } from '../../../../shared/contract/errors';
import type { LocalizedText, Source } from '../../../../shared/model/project';
import { formatDate } from '../../../../shared/format/number';
import { translate } from '../../../../shared/i18n/translate';
import type { SupplyOrigin } from '../../../../shared/planning/assumptions';
import { aggregateSupply, type SupplyAggregation } from '../../../../shared/planning/supplyAggregation';
import { notSupplyReason, withSupplyFromData } from '../../../../shared/planning/supplyFromData';
import { regionCosts } from '../../../../shared/planning/regionCosts';
import { runScenario, type ScenarioResult } from '../../../../shared/planning/runScenario';
import { toScenarioReport } from '../../../../shared/planning/scenarioReport';
import { INFRASTRUCTURE_KINDS, type InfrastructureKind, type Scenario } from '../../../../shared/planning/scenarioModel';
import { DEFAULT_START_STOCK_VARIABLES, startStocksFromObservations } from '../../../../shared/planning/startStocks';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readCatchment, readCostRates, readDemandRates, readFacilities, readScenario, readStaff, readSupplyFromData } from '../../storage/planningStore';
import { readAreas, readIndicators, readLayers, readObservations, type AreaWithSize } from '../../storage/projectReader';
import { indicatorValuesFor } from '../indicatorService';
import { chooseSourceObservations, selectionPeriods, selectionPriority } from '../../../../shared/sources/sourceChoice';
import { readSourceCatalogue } from '../sourceCatalogue';

/** The layer to plan on: the one asked for, else the project's first boundary layer. */
export function planningLayer(db: SqliteDatabase, layer: string | undefined): string {
  if (layer !== undefined) return layer;
  const first = readLayers(db)[0];
  if (!first) {
    throw new UserError('bad-input', {
      de: 'Das Projekt hat noch keine Gebietsebene. Bitte zuerst Gebietsgrenzen importieren.',
      en: 'The project has no boundary layer yet. Please import boundaries first.',
    });
  }
  return first.name;
}

/** How one kind's supply was taken from the project's data (SupplyFromData), as the Planung tab shows it. */
export interface SupplyFromDataUse {
  kind: InfrastructureKind;
  /** The setting: the indicator, and its Stichtag or null for the newest (what undo puts back). */
  indicator: string;
  chosenPeriod: string | null;
  /** The indicator's name; null when the project no longer has it. */
  indicatorName: LocalizedText | null;
  unit: LocalizedText | null;
  /** The Stichtag the figures are of; null when none could be used (see `problem`). */
  period: string | null;
  /** The sources the figures rest on, each with the Stichtag of the figures used. */
  sources: Pick<Source, 'id' | 'name' | 'stichtag' | 'synthetic'>[];
  /** Names of the areas without a figure: their supply of this kind is unknown. */
  areasWithoutValue: string[];
  /** Names of the areas whose figure a lower-ranked source filled (a gap of the first source's list). */
  areasFromFallback: string[];
  /** Why no figure could be used (the indicator is gone, is no count of places, has no such Stichtag or no value on the layer); else null. */
  problem: LocalizedText | null;
}

/** The project's supply on the layer: facilities and staff aggregated, then the kinds set to come from data. */
export interface LoadedSupply {
  aggregation: SupplyAggregation;
  fromData: SupplyFromDataUse[];
}

/**
 * Facilities and staff of the project aggregated to the layer's areas, with the kinds the planner set to
 * come from an indicator (e.g. Kita places per municipality from the Kita statistics) replaced by its
 * figures. A setting that cannot be followed gives unknown supply for its kind and a problem text, never a
 * failed planning tab or facilities counted in its place.
 */
export function loadSupply(db: SqliteDatabase, layerName: string, areas: readonly AreaWithSize[]): LoadedSupply {
  const facilities = readFacilities(db);
  let aggregation = aggregateSupply(areas, facilities, readStaff(db), readCatchment(db));
  const settings = readSupplyFromData(db);
  const fromData: SupplyFromDataUse[] = [];
  for (const kind of INFRASTRUCTURE_KINDS) {
    const setting = settings[kind];
    if (!setting) continue;
    const use = supplyFromDataUse(db, layerName, areas, kind, setting.indicator, setting.period);
    aggregation = withSupplyFromData(aggregation, kind, use.figures, facilities);
    fromData.push(use.shown);
  }
  return { aggregation, fromData };
}

function supplyFromDataUse(
  db: SqliteDatabase,
  layerName: string,
  areas: readonly AreaWithSize[],
  kind: InfrastructureKind,
  indicatorId: string,
  period: string | null,
): { figures: Map<string, number | null>; shown: SupplyFromDataUse } {
  const indicator = readIndicators(db).find((candidate) => candidate.id === indicatorId);
  const shown: SupplyFromDataUse = { kind, indicator: indicatorId, chosenPeriod: period, indicatorName: indicator?.name ?? null, unit: indicator?.unit ?? null, period: null, sources: [], areasWithoutValue: [], areasFromFallback: [], problem: null };
  const failed = (problem: LocalizedText) => ({ figures: new Map<string, number | null>(), shown: { ...shown, problem } });
  const refusal = notSupplyReason(indicator, indicatorId);
  if (refusal) return failed({ de: `${refusal.de} Das Angebot ist darum unbekannt.`, en: `${refusal.en} The supply is therefore unknown.` });
  try {
    const values = indicatorValuesFor(db, indicatorId, layerName, period ?? undefined);
    const figures = new Map(values.values.map((value) => [value.key, value.value]));
    const withoutValue = areas.filter((area) => (figures.get(area.key) ?? null) === null).map((area) => area.name);
    const filled = new Set(values.values.filter((value) => value.fallback === true && value.value !== null).map((value) => value.key));
    if (withoutValue.length === areas.length) {
      // A list of another layer's areas (the Gemeinden's places on a Stadtteile layer): not 21 gaps, one reason.
      return failed({
        de: `„${indicator!.name.de}“ hat zum ${formatDate(values.period, 'de')} für keines der Gebiete dieser Ebene einen Wert; das Angebot ist darum unbekannt. Bitte die Ebene wählen, zu der die Liste gehört, oder eine andere Kennzahl.`,
        en: `"${indicator!.name.en}" has no value for any area of this layer at ${formatDate(values.period, 'en')}, so the supply is unknown. Please choose the layer the list belongs to, or another indicator.`,
      });
    }
    return {
      figures,
      shown: { ...shown, period: values.period, sources: values.sources.map(({ id, name, stichtag, synthetic }) => ({ id, name, stichtag, synthetic })), areasWithoutValue: withoutValue, areasFromFallback: areas.filter((area) => filled.has(area.key)).map((area) => area.name) },
    };
  } catch (error) {
    if (error instanceof UserError) return failed(error.text);
    throw error;
  }
}

/**
 * A kind's supply taken from data, as an assumption entry of the run: which figures the gaps rest on, so the
 * banner, the command line's report and the stored results' notes say it.
 */
export function supplyOriginOf(use: SupplyFromDataUse): SupplyOrigin {
  const label = { de: `Angebot ${translate('de', `planning.kind.${use.kind}`)}`, en: `Supply (${translate('en', `planning.kind.${use.kind}`)})` };
  if (use.problem || !use.indicatorName || !use.period) {
    // Short, without the tab's instruction: it goes into banners, reports and stored notes (the tab says why).
    const name = use.indicatorName ?? { de: use.indicator, en: use.indicator };
    return { kind: use.kind, label, basis: { kind: 'assumption', text: { de: `unbekannt (Kennzahl „${name.de}“ nicht verwendbar)`, en: `unknown (indicator "${name.en}" not usable)` } } };
  }
  const text = (locale: 'de' | 'en') => {
    const sources = use.sources.map((source) => source.name).join('; ');
    return `${use.indicatorName![locale]} (${sources}, ${formatDate(use.period!, locale)})`;
  };
  return { kind: use.kind, label, basis: { kind: 'source', text: { de: text('de'), en: text('en') } } };
}

/**
 * The unrounded result of `scenario` on the layer.
 * @example runProjectScenario(db, readScenario(db, 'mittel')).areas.length // 21 on the demo
 */
export function runProjectScenario(db: SqliteDatabase, scenario: Scenario, layer?: string): { result: ScenarioResult; layer: string; supply: LoadedSupply } {
  const layerName = planningLayer(db, layer);
  const areas = readAreas(db, layerName);
  const period = `${scenario.startYear}-12-31`;
  const variables = DEFAULT_START_STOCK_VARIABLES;
  const catalogue = readSourceCatalogue(db);
  const populationPeriods = selectionPeriods(catalogue, { variable: variables.population });
  if (!populationPeriods.includes(period)) {
    const years = populationPeriods.filter((candidate) => candidate.endsWith('-12-31')).map((candidate) => candidate.slice(0, 4));
    throw new UserError('bad-input', {
      de: `Für das Startjahr ${scenario.startYear} gibt es keine Bevölkerung nach Geschlecht und Alter (Stichtag 31.12.${scenario.startYear}). ${years.length > 0 ? `Vorhanden: ${years.join(', ')}. Bitte eines dieser Jahre als Startjahr wählen.` : 'Bitte zuerst die Variable „population“ nach Geschlecht und Altersgruppe importieren.'}`,
      en: `There is no population by sex and age for the start year ${scenario.startYear} (31 Dec ${scenario.startYear}). ${years.length > 0 ? `Available: ${years.join(', ')}. Please choose one of these as the start year.` : 'Please import the variable "population" by sex and age group first.'}`,
    });
  }
  // Start stocks come from each variable's chosen source: two sources of the same people are never added.
  const observations = chooseSourceObservations(readObservations(db, { variables: [variables.population, variables.refugees], period }), (variable) =>
    selectionPriority(catalogue, { variable }),
  );
  const stocks = startStocksFromObservations(
    observations,
    areas.map((area) => area.key),
    period,
    variables,
  );
  const supply = loadSupply(db, layerName, areas);
  const result = runScenario({
    scenario,
    demandRates: readDemandRates(db),
    costRates: readCostRates(db),
    areas: areas.map((area) => ({ key: area.key, name: area.name, stock: stocks.get(area.key)!, supply: supply.aggregation.supplyByArea.get(area.key)! })),
    supplyOrigins: supply.fromData.map(supplyOriginOf),
  });
  return { result, layer: layerName, supply };
}

/** The contract's `planning.run` output: the rounded report of the stored scenario, region costs, the layer. */
export function scenarioRunReport(db: SqliteDatabase, scenarioId: string, options: { year?: number; layer?: string } = {}) {
  const { result, layer } = runProjectScenario(db, readScenario(db, scenarioId), options.layer);
  return reportOf(result, layer, options.year);
}

/** Rounded report, region costs (limited to `year` when given) and the layer name. */
export function reportOf(result: ScenarioResult, layer: string, year?: number) {
  const report = toScenarioReport(result, year === undefined ? {} : { year });
  return { ...report, layer, regionCosts: regionCosts(result).filter((costs) => year === undefined || costs.year === year) };
}
