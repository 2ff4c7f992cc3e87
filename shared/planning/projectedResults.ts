/**
 * A scenario report turned into project data: observations with quality 'projected', one Source per
 * scenario whose notes carry the assumptions, the variables and dimensions they use, and absolute
 * indicators so that the map, legend and table show them like any other figure (labelled "projiziert").
 *
 * Every scenario's results share the variables (projected_population, projected_demand, …) but carry the
 * dimension `scenario`: indicators sum every observation of a variable whatever its source, so without
 * that dimension two stored scenarios would silently be added up. Each indicator filters one scenario
 * (and one infrastructure kind: KiTa places and social-work positions never add up either).
 */
import { scenarioKeyFigures } from './assumptions';
import { PROJECTION_NAME_PREFIX, PROJECTION_PUBLISHER, type DimensionDefinition, type IndicatorDefinition, type LocalizedText, type Observation, type Source, type Variable } from '../model/project';
import type { ScenarioReport } from './scenarioReport';
import { INFRASTRUCTURE_KINDS, type InfrastructureKind } from './scenarioModel';

export const PROJECTED_VARIABLES = {
  population: 'projected_population',
  refugees: 'projected_refugees',
  demand: 'projected_demand',
  supply: 'projected_supply',
  gap: 'projected_gap',
} as const;

/** Dimension ids of the stored results. */
export const SCENARIO_DIMENSION = 'scenario';
export const KIND_DIMENSION = 'kind';

const KIND_NAMES: Record<InfrastructureKind, LocalizedText> = {
  kita: { de: 'KiTa-Plätze', en: 'KiTa places' },
  school: { de: 'Schulplätze', en: 'School places' },
  integration: { de: 'Integrationskursplätze', en: 'Integration-course places' },
  accommodation: { de: 'Unterbringungsplätze', en: 'Accommodation places' },
  staff: { de: 'Stellen Sozialarbeit', en: 'Social-work positions' },
};

const KIND_UNITS: Record<InfrastructureKind, LocalizedText> = {
  kita: { de: 'Plätze', en: 'places' },
  school: { de: 'Plätze', en: 'places' },
  integration: { de: 'Plätze', en: 'places' },
  accommodation: { de: 'Plätze', en: 'places' },
  staff: { de: 'Stellen', en: 'positions' },
};

const PERSONS: LocalizedText = { de: 'Personen', en: 'persons' };

/** The source id of a scenario's stored results, e.g. `projection_mittel`. */
export function projectionSourceId(scenarioId: string): string {
  return `projection_${scenarioId}`;
}

/** Indicator ids of a scenario's stored results start with this, e.g. `projected_gap_kita__mittel`. */
export function projectedIndicatorSuffix(scenarioId: string): string {
  return `__${scenarioId}`;
}

export interface ProjectedResultContent {
  source: Source;
  /** `kind` with its five values and `scenario` with (at least) this scenario: merged into the project's definitions. */
  dimensions: DimensionDefinition[];
  variables: Variable[];
  indicators: IndicatorDefinition[];
  observations: Observation[];
}

/** "; Angebot KiTa-Plätze: Kita-Plätze (Kita-Statistik Jugendamt, 01.03.2025)" for each kind whose supply came from data. */
function supplyOriginsText(report: ScenarioReport): string {
  return report.assumptions
    .filter((assumption) => assumption.id.startsWith('supply.') && assumption.basis.kind === 'source')
    .map((assumption) => `; ${assumption.label.de}: ${assumption.basis.text.de}`)
    .join('');
}

/**
 * The project data of one scenario report (all its years, periods 31.12.): population, refugees, demand,
 * supply and gap per area, quality 'projected'. Unknown supply and gap stay missing ('.'), never 0.
 * `basedOnSyntheticData`: the start population or the supply were demo data, so the projection is labelled
 * "Beispieldaten, synthetisch" as well (a projection of made-up figures must never look like a real one).
 * @example projectedResultContent(report, { basedOnSyntheticData: false }).observations.filter((o) => o.variable === 'projected_gap').length // areas × years × 5
 */
export function projectedResultContent(report: ScenarioReport, options: { basedOnSyntheticData: boolean }): ProjectedResultContent {
  const scenario = report.scenario;
  const sourceId = projectionSourceId(scenario.id);
  const years = report.years;
  const source: Source = {
    id: sourceId,
    name: `${PROJECTION_NAME_PREFIX}${scenario.name.de}`,
    publisher: PROJECTION_PUBLISHER,
    // No Stichtag of its own: the results hold one per year (31.12.), and figures name the year they show.
    // The start year stood as "Stichtag 31.12.2024" in the data line of a figure of 31.12.2025.
    stichtag: null,
    licence: 'eigene Berechnung',
    licenceUrl: null,
    // Who computed what, holding the name, so that legends (which print attributions) name the scenario and
    // data lines do not name it twice ("Projektion – Szenario X – Projektion, Szenario „X“ (Kleinraum)").
    // A supply taken from the project's data (the Jugendamt's Kita list) is named too: the stored gaps rest on it.
    attribution: `${PROJECTION_PUBLISHER}, ${PROJECTION_NAME_PREFIX}${scenario.name.de}${supplyOriginsText(report)}${options.basedOnSyntheticData ? ' – auf Beispieldaten, synthetisch' : ''}`,
    notes: `Projektion – Szenario ${scenario.name.de} (Startjahr ${scenario.startYear}, ${years[0] ?? scenario.startYear}–${years[years.length - 1] ?? scenario.startYear}); ${scenarioKeyFigures(report.assumptions, 'de')}; Annahmen: ${scenario.assumptions.de}`,
    synthetic: options.basedOnSyntheticData,
    definition: `Ergebnis der Szenariorechnung „${scenario.name.de}“ je Gebiet und Jahr (31.12.)`,
    quality: 'projected',
  };
  const observations: Observation[] = [];
  const base = { sourceId, quality: 'projected' as const };
  for (const area of report.areas) {
    for (const year of area.years) {
      const period = `${year.year}-12-31`;
      const scenarioOnly = { [SCENARIO_DIMENSION]: scenario.id };
      observations.push({ ...base, areaKey: area.key, period, variable: PROJECTED_VARIABLES.population, dimensions: scenarioOnly, value: year.population });
      observations.push({ ...base, areaKey: area.key, period, variable: PROJECTED_VARIABLES.refugees, dimensions: scenarioOnly, value: year.refugees });
      for (const kind of INFRASTRUCTURE_KINDS) {
        const dimensions = { [SCENARIO_DIMENSION]: scenario.id, [KIND_DIMENSION]: kind };
        observations.push({ ...base, areaKey: area.key, period, variable: PROJECTED_VARIABLES.demand, dimensions, value: year.demand[kind] });
        for (const [variable, value] of [
          [PROJECTED_VARIABLES.supply, year.supply[kind]],
          [PROJECTED_VARIABLES.gap, year.gap[kind]],
        ] as const) {
          observations.push({ ...base, areaKey: area.key, period, variable, dimensions, value, missing: value === null ? '.' : null });
        }
      }
    }
  }
  return { source, dimensions: dimensionsOf(report), variables: projectedVariables(), indicators: indicatorsOf(report), observations };
}

function dimensionsOf(report: ScenarioReport): DimensionDefinition[] {
  return [
    { id: KIND_DIMENSION, name: { de: 'Bereich', en: 'Field' }, values: INFRASTRUCTURE_KINDS.map((kind) => ({ id: kind, name: KIND_NAMES[kind] })) },
    { id: SCENARIO_DIMENSION, name: { de: 'Szenario', en: 'Scenario' }, values: [{ id: report.scenario.id, name: report.scenario.name }] },
  ];
}

function projectedVariables(): Variable[] {
  const withKind = [SCENARIO_DIMENSION, KIND_DIMENSION];
  return [
    { id: PROJECTED_VARIABLES.population, name: { de: 'Bevölkerung (Projektion)', en: 'Population (projection)' }, unit: 'Personen', dimensions: [SCENARIO_DIMENSION], kind: 'stock', sources: [] },
    { id: PROJECTED_VARIABLES.refugees, name: { de: 'Schutzsuchende (Projektion)', en: 'Persons seeking protection (projection)' }, unit: 'Personen', dimensions: [SCENARIO_DIMENSION], kind: 'stock', sources: [] },
    { id: PROJECTED_VARIABLES.demand, name: { de: 'Bedarf (Projektion)', en: 'Demand (projection)' }, unit: 'Plätze/Stellen', dimensions: withKind, kind: 'stock', sources: [] },
    { id: PROJECTED_VARIABLES.supply, name: { de: 'Angebot (Projektion)', en: 'Supply (projection)' }, unit: 'Plätze/Stellen', dimensions: withKind, kind: 'stock', sources: [] },
    { id: PROJECTED_VARIABLES.gap, name: { de: 'Lücke (Projektion)', en: 'Gap (projection)' }, unit: 'Plätze/Stellen', dimensions: withKind, kind: 'stock', sources: [] },
  ];
}

function indicatorsOf(report: ScenarioReport): IndicatorDefinition[] {
  const scenario = report.scenario;
  const suffix = projectedIndicatorSuffix(scenario.id);
  const label = (text: LocalizedText): LocalizedText => ({
    de: `${text.de} (Projektion ${scenario.name.de})`,
    en: `${text.en} (projection ${scenario.name.en})`,
  });
  // The figures the results hinge on (inflow, care ratio: the project's or the scenario's own) travel with them.
  const description: LocalizedText = {
    de: `Projektion – Szenario ${scenario.name.de}; ${scenarioKeyFigures(report.assumptions, 'de')}; Annahmen: ${scenario.assumptions.de}`,
    en: `Projection – scenario ${scenario.name.en}; ${scenarioKeyFigures(report.assumptions, 'en')}; assumptions: ${scenario.assumptions.en}`,
  };
  const indicator = (id: string, name: LocalizedText, variable: string, unit: LocalizedText, kind?: InfrastructureKind): IndicatorDefinition => ({
    id: `${id}${suffix}`,
    name: label(name),
    // Each scenario's results are their own source: the indicator draws from it alone.
    numerator: { variable, filter: kind ? { [SCENARIO_DIMENSION]: [scenario.id], [KIND_DIMENSION]: [kind] } : { [SCENARIO_DIMENSION]: [scenario.id] }, sources: [projectionSourceId(scenario.id)] },
    denominator: null,
    scale: 'absolute',
    unit,
    decimals: 1,
    description,
  });
  return [
    indicator('projected_population', { de: 'Bevölkerung', en: 'Population' }, PROJECTED_VARIABLES.population, PERSONS),
    indicator('projected_refugees', { de: 'Schutzsuchende', en: 'Persons seeking protection' }, PROJECTED_VARIABLES.refugees, PERSONS),
    ...INFRASTRUCTURE_KINDS.flatMap((kind) => [
      indicator(`projected_demand_${kind}`, { de: `Bedarf ${KIND_NAMES[kind].de}`, en: `Demand ${KIND_NAMES[kind].en}` }, PROJECTED_VARIABLES.demand, KIND_UNITS[kind], kind),
      indicator(`projected_gap_${kind}`, { de: `Lücke ${KIND_NAMES[kind].de}`, en: `Gap ${KIND_NAMES[kind].en}` }, PROJECTED_VARIABLES.gap, KIND_UNITS[kind], kind),
    ]),
  ];
}
