/**
 * One scenario from start stock to demand, supply, gap and costs per area and year, in the shape the
 * CLI prints (`kleinraum scenario P.gpkg --scenario ID --json`, see ../shared/docs/cli-contract.md) and the
 * UI shows. Every value is quality "projected" and the result carries the assumptions it rests on.
 *
 * Values are unrounded (fractional persons and places keep the balance exact); round only when showing them.
 */
import { UserError } from '../contract/errors';
import type { AreaKey, LocalizedText } from '../model/project';
import { allocateArrivals } from './allocation';
import { collectAssumptions, type AssumptionEntry, type SupplyOrigin } from './assumptions';
import { COHORT_COUNT, REFUGEE_STATUSES, stockTotal, type CohortStock } from './cohortStock';
import { projectCohorts, type CohortFlows, type FlowTotals } from './cohortProjection';
import { checkCostRates, computeCosts, type Costs } from './costs';
import { checkDemandRates, computeDemand, scenarioDemandRates } from './demand';
import { computeGap, type NullableFigures } from './gap';
import { checkScenarioFields, resolveArrivalShares, resolveArrivalsPerYear, valuePerYear, valuesByArea } from './resolveScenario';
import { INFRASTRUCTURE_KINDS, type CostRates, type DemandRates, type InfrastructureFigures, type Scenario } from './scenarioModel';

/** One area's start: its stock at the end of the start year and its supply (places, positions). */
export interface ScenarioAreaInput {
  key: AreaKey;
  name: string;
  stock: CohortStock;
  /** Supply per kind; a kind left out or null is unknown (its gap is null, never "all missing"). */
  supply?: Partial<NullableFigures>;
  /** Supply changes from a year on, e.g. a new KiTa opening in 2027: { 2027: { kita: 160 } }. Replaces the value from that year. */
  supplyFromYear?: Record<number, Partial<NullableFigures>>;
}

export interface ScenarioInput {
  scenario: Scenario;
  /** The project's demand rates; the scenario's own care ratios replace theirs (scenarioDemandRates). */
  demandRates: DemandRates;
  /** Without cost rates the result has no `costs`. */
  costRates?: CostRates;
  areas: ScenarioAreaInput[];
  /**
   * Where the supply of a kind came from when not from facilities and staff positions (the project's data,
   * see planning/scenarioRunner.ts): listed with the assumptions, so every report of the run says it.
   */
  supplyOrigins?: readonly SupplyOrigin[];
  /** Keep the flows of every cohort (for balance checks and drill-down); off by default, it is large. */
  keepCohortFlows?: boolean;
}

/** How an area's quota was met in a year (whole persons; see allocation.ts). */
export interface AreaAllocation {
  quota: number;
  credited: number;
  received: number;
  /** Positive = the area still owes places, negative = it took more than its share. */
  balanceAfter: number;
}

export interface AreaYearResult {
  year: number;
  quality: 'projected';
  /** Persons at year end, all statuses. */
  population: number;
  /** Persons at year end with status asylum pending or protection granted. */
  refugees: number;
  asylumPending: number;
  protectionGranted: number;
  flows: FlowTotals;
  allocation: AreaAllocation;
  demand: InfrastructureFigures;
  supply: NullableFigures;
  /** demand − supply: positive = shortage. */
  gap: NullableFigures;
  /** (demand − supply) / demand × 100. */
  gapPercent: NullableFigures;
  costs?: Costs;
}

export interface AreaResult {
  key: AreaKey;
  name: string;
  years: AreaYearResult[];
}

export interface RegionYearResult {
  year: number;
  quality: 'projected';
  population: number;
  refugees: number;
  arrivals: number;
  demand: InfrastructureFigures;
  /** Sum over areas; null when any area's supply is unknown for that kind. */
  supply: NullableFigures;
  /** Regional demand − regional supply: spare places in one area offset missing places in another. */
  gap: NullableFigures;
  /**
   * Sum of the areas' shortages (positive gaps only): places missing where they are needed, no offsetting.
   * Null when any area's gap is unknown for that kind.
   */
  shortage: NullableFigures;
}

export interface ScenarioResult {
  scenario: { id: string; name: LocalizedText; startYear: number; years: number; arrivalsPerYear: number[]; assumptionsText: LocalizedText };
  quality: 'projected';
  /** The projected years: startYear + 1 … startYear + years. */
  years: number[];
  areas: AreaResult[];
  region: { years: RegionYearResult[] };
  assumptions: AssumptionEntry[];
  /** Per projection year and area (area order as in `areas`), when `keepCohortFlows` was set. */
  cohortFlows?: CohortFlows[][];
  /** Stocks per year (index 0 = start) and area, when `keepCohortFlows` was set. */
  stocks?: CohortStock[][];
}

function zeroFigures(): InfrastructureFigures {
  return { kita: 0, school: 0, integration: 0, accommodation: 0, staff: 0 };
}

function supplyForYear(area: ScenarioAreaInput, year: number): NullableFigures {
  const supply = {} as NullableFigures;
  for (const kind of INFRASTRUCTURE_KINDS) supply[kind] = area.supply?.[kind] ?? null;
  const changeYears = Object.keys(area.supplyFromYear ?? {})
    .map(Number)
    .filter((changeYear) => changeYear <= year)
    .sort((a, b) => a - b);
  for (const changeYear of changeYears) {
    for (const kind of INFRASTRUCTURE_KINDS) {
      const changed = area.supplyFromYear?.[changeYear]?.[kind];
      if (changed !== undefined) supply[kind] = changed;
    }
  }
  for (const kind of INFRASTRUCTURE_KINDS) {
    const value = supply[kind];
    if (value !== null && (!Number.isFinite(value) || value < 0)) {
      throw new UserError('bad-input', {
        de: `Das Angebot „${kind}“ im Gebiet ${area.name} (${area.key}) ist ungültig (${value}). Bitte eine Zahl ≥ 0 oder nichts eintragen.`,
        en: `The supply "${kind}" in area ${area.name} (${area.key}) is invalid (${value}). Please enter a number ≥ 0 or leave it empty.`,
      });
    }
  }
  return supply;
}

function checkAreas(areas: readonly ScenarioAreaInput[]): void {
  if (areas.length === 0) {
    throw new UserError('bad-input', { de: 'Das Szenario braucht mindestens ein Gebiet. Bitte zuerst Gebiete importieren.', en: 'The scenario needs at least one area. Please import areas first.' });
  }
  const seen = new Set<AreaKey>();
  for (const area of areas) {
    if (seen.has(area.key)) {
      throw new UserError('bad-input', {
        de: `Der Gebietsschlüssel „${area.key}“ kommt doppelt vor. Bitte jedes Gebiet nur einmal angeben.`,
        en: `The area key "${area.key}" occurs twice. Please list every area once.`,
      });
    }
    seen.add(area.key);
    if (area.stock.length !== COHORT_COUNT || area.stock.some((persons) => !Number.isFinite(persons) || persons < 0)) {
      throw new UserError('bad-input', {
        de: `Der Bevölkerungsbestand von ${area.name} (${area.key}) ist unvollständig oder enthält negative Werte. Bitte die Bevölkerungsdaten prüfen.`,
        en: `The population stock of ${area.name} (${area.key}) is incomplete or contains negative values. Please check the population data.`,
      });
    }
  }
}

/**
 * Runs a scenario: allocation of arrivals, cohort projection, demand, gap and (with cost rates) costs.
 * @example
 * const result = runScenario({ scenario, demandRates: DEFAULT_DEMAND_RATES, areas });
 * result.areas[0].years[0].gap.kita // KiTa places missing in the first projected year (positive = shortage)
 */
export function runScenario(input: ScenarioInput): ScenarioResult {
  const { scenario, costRates, areas } = input;
  const demandRates = scenarioDemandRates(scenario, input.demandRates);
  checkScenarioFields(scenario);
  checkAreas(areas);
  checkDemandRates(demandRates);
  if (costRates) checkCostRates(costRates);

  const areaKeys = areas.map((area) => area.key);
  const startPopulations = areas.map((area) => stockTotal(area.stock));
  const regionPopulation = startPopulations.reduce((total, persons) => total + persons, 0);
  const arrivalsPerYear = resolveArrivalsPerYear(scenario, regionPopulation);

  const allocationSettings = scenario.allocation;
  const defaultKey = startPopulations.map((persons) => Math.round(persons));
  const weights = allocationSettings.populationKey ? valuesByArea(allocationSettings.populationKey, areaKeys, 'populationKey', undefined) : defaultKey;
  const creditsByArea = valuesByArea(allocationSettings.credits, areaKeys, 'credits', 0).map((credit) => valuePerYear(credit, scenario.years, 'credits'));
  const credits = arrivalsPerYear.map((_, yearIndex) => creditsByArea.map((perYear) => perYear[yearIndex]!));
  const allocation = allocateArrivals({
    arrivalsPerYear,
    weights,
    credits,
    carryOver: allocationSettings.carryOver,
    openingBalance: valuesByArea(allocationSettings.openingBalance, areaKeys, 'openingBalance', 0),
  });

  const natural = scenario.naturalMovement;
  const projection = projectCohorts({
    startStocks: areas.map((area) => area.stock),
    arrivals: allocation.map((year) => year.received),
    keepCohortFlows: input.keepCohortFlows ?? false,
    rates: {
      recognitionRate: scenario.recognitionRate.value,
      departureRate: { asylumPending: scenario.departureRate.asylumPending.value, protectionGranted: scenario.departureRate.protectionGranted.value },
      onwardMoveRate: scenario.onwardMoveRate.value,
      onwardMoveDestinationWeights: scenario.onwardMoveDestinationWeights ? valuesByArea(scenario.onwardMoveDestinationWeights, areaKeys, 'onwardMoveDestinationWeights', undefined) : weights,
      arrivalShares: resolveArrivalShares(scenario.arrivalStructure),
      ...(natural
        ? { fertilityByAge: natural.fertilityByAge.value, boysShareOfBirths: natural.boysShareOfBirths.value, mortalityByAge: natural.mortalityByAge.value }
        : {}),
    },
  });

  const years = arrivalsPerYear.map((_, yearIndex) => scenario.startYear + yearIndex + 1);
  const areaResults: AreaResult[] = areas.map((area, areaIndex) => ({
    key: area.key,
    name: area.name,
    years: years.map((year, yearIndex) => {
      const stock = projection.stocks[yearIndex + 1]![areaIndex]!;
      const demand = computeDemand(stock, demandRates).figures;
      const supply = supplyForYear(area, year);
      const gap = computeGap(demand, supply);
      const allocated = allocation[yearIndex]!;
      const result: AreaYearResult = {
        year,
        quality: 'projected',
        population: stockTotal(stock),
        refugees: stockTotal(stock, REFUGEE_STATUSES),
        asylumPending: stockTotal(stock, ['asylumPending']),
        protectionGranted: stockTotal(stock, ['protectionGranted']),
        flows: projection.totals[yearIndex]![areaIndex]!,
        allocation: {
          quota: allocated.quota[areaIndex]!,
          credited: allocated.credited[areaIndex]!,
          received: allocated.received[areaIndex]!,
          balanceAfter: allocated.balanceAfter[areaIndex]!,
        },
        demand,
        supply,
        gap: gap.absolute,
        gapPercent: gap.percentOfDemand,
      };
      if (costRates) result.costs = computeCosts(gap.absolute, costRates);
      return result;
    }),
  }));

  const regionYears: RegionYearResult[] = years.map((year, yearIndex) => {
    const demand = zeroFigures();
    const supply = zeroFigures() as NullableFigures;
    const shortage = zeroFigures() as NullableFigures;
    let population = 0;
    let refugees = 0;
    for (const area of areaResults) {
      const areaYear = area.years[yearIndex]!;
      population += areaYear.population;
      refugees += areaYear.refugees;
      for (const kind of INFRASTRUCTURE_KINDS) {
        demand[kind] += areaYear.demand[kind];
        const areaSupply = areaYear.supply[kind];
        const regionSupply = supply[kind];
        supply[kind] = areaSupply === null || regionSupply === null ? null : regionSupply + areaSupply;
        const areaGap = areaYear.gap[kind];
        const regionShortage = shortage[kind];
        shortage[kind] = areaGap === null || regionShortage === null ? null : regionShortage + Math.max(0, areaGap);
      }
    }
    return { year, quality: 'projected', population, refugees, arrivals: arrivalsPerYear[yearIndex]!, demand, supply, gap: computeGap(demand, supply).absolute, shortage };
  });

  const result: ScenarioResult = {
    scenario: { id: scenario.id, name: scenario.name, startYear: scenario.startYear, years: scenario.years, arrivalsPerYear, assumptionsText: scenario.assumptions },
    quality: 'projected',
    years,
    areas: areaResults,
    region: { years: regionYears },
    assumptions: collectAssumptions(scenario, demandRates, costRates, input.supplyOrigins),
  };
  if (projection.cohortFlows) {
    result.cohortFlows = projection.cohortFlows;
    result.stocks = projection.stocks;
  }
  return result;
}
