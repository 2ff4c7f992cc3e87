/**
 * The demo project's planning data: facilities (KiTas, schools, integration-course providers,
 * accommodations, counselling services), social-work staff positions per municipality and the three
 * preset scenarios (niedrig / mittel / hoch). Everything here is SYNTHETIC ("Beispieldaten,
 * synthetisch"): capacities are drawn around the demand the demo population needs at its last Stichtag,
 * so that a new user sees shortages in some municipalities and spare places in others at once. Locations
 * are invented points near the municipality's seat, inside its demo polygon.
 *
 * Seeded and deterministic like the rest of the demo (random.ts).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Area, Observation } from '../model/project';
import { computeDemand } from '../planning/demand';
import type { Facility, FacilityKind, StaffPositions } from '../planning/facilities';
import type { PlanningContent } from '../planning/planningContent';
import { createPresetScenarios } from '../planning/presetScenarios';
import { DEFAULT_COST_RATES, DEFAULT_DEMAND_RATES } from '../planning/presets';
import { startStocksFromObservations } from '../planning/startStocks';
import { DEMO_YEARS, stichtagOfYear } from './dataDictionary';
import { createDemoRandom, type DemoRandom } from './random';

/** Projection horizon of the demo scenarios (years after the last demo Stichtag). */
export const DEMO_SCENARIO_YEARS = 10;

/** Supply as a share of the start demand, drawn per municipality within these bounds. */
const SUPPLY_SHARE_RANGE: Record<Exclude<FacilityKind, 'accommodation'>, [number, number]> = {
  kita: [0.78, 1.08],
  school: [0.9, 1.06],
  integration: [0.55, 1.0],
  counselling: [0.25, 0.45],
};
/** Staff positions employed directly by the municipality, as a share of the start demand for staff. */
const MUNICIPAL_STAFF_SHARE_RANGE: [number, number] = [0.35, 0.6];

/** A typical facility size per kind, to decide how many facilities share an area's capacity. */
const TYPICAL_CAPACITY: Record<FacilityKind, number> = { kita: 90, school: 600, integration: 150, accommodation: 120, counselling: 4 };
const MAX_FACILITIES_PER_KIND = 8;

const NAME_PREFIX: Record<FacilityKind, string> = {
  kita: 'KiTa',
  school: 'Schule',
  integration: 'Integrationskurse',
  accommodation: 'Unterkunft',
  counselling: 'Beratungsstelle',
};

function locationInside(area: Area, seat: [number, number], random: DemoRandom): [number, number] {
  for (let attempt = 0; attempt < 30; attempt++) {
    const candidate: [number, number] = [round(seat[0] + random.uniform(-0.04, 0.04), 4), round(seat[1] + random.uniform(-0.025, 0.025), 4)];
    if (booleanPointInPolygon(point(candidate), area.geometry)) return candidate;
  }
  const fallback = pointOnFeature(area.geometry).geometry.coordinates;
  return [round(fallback[0]!, 4), round(fallback[1]!, 4)];
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function splitCapacity(total: number, kind: FacilityKind): number[] {
  const count = Math.max(1, Math.min(MAX_FACILITIES_PER_KIND, Math.round(total / TYPICAL_CAPACITY[kind])));
  const decimals = kind === 'counselling' ? 1 : 0;
  const each = round(total / count, decimals);
  // The last facility takes the rounding remainder, so the area's total is exactly `total`.
  return Array.from({ length: count }, (_, index) => (index < count - 1 ? each : round(total - each * (count - 1), decimals)));
}

/**
 * The demo's planning content, consistent with the demo observations it is given.
 * @param areas the demo municipalities (BKG polygons); seats are taken from `seats`
 * @param observations the demo observations (population by sex × age, refugees by status, accommodation places)
 * @example createDemoPlanning(2022, areas, seats, observations).scenarios.map((scenario) => scenario.id) // ["niedrig", "mittel", "hoch"]
 */
export function createDemoPlanning(seed: number, areas: readonly Area[], seats: ReadonlyMap<string, readonly [number, number]>, observations: readonly Observation[]): PlanningContent {
  const startYear = DEMO_YEARS[DEMO_YEARS.length - 1]!;
  const period = stichtagOfYear(startYear);
  const stocks = startStocksFromObservations(
    observations,
    areas.map((area) => area.key),
    period,
  );
  const accommodationPlaces = new Map<string, number>();
  for (const observation of observations) {
    if (observation.variable === 'accommodation_places' && observation.period === period && observation.value !== null) accommodationPlaces.set(observation.areaKey, observation.value);
  }
  const random = createDemoRandom(seed, 'planning');
  const facilities: Facility[] = [];
  const staff: StaffPositions[] = [];
  for (const area of areas) {
    const demand = computeDemand(stocks.get(area.key)!, DEFAULT_DEMAND_RATES).figures;
    const seat = seats.get(area.key);
    const centre: [number, number] = seat ? [seat[0], seat[1]] : (pointOnFeature(area.geometry).geometry.coordinates as [number, number]);
    const capacityOf: Record<FacilityKind, number> = {
      kita: Math.round(demand.kita * random.uniform(...SUPPLY_SHARE_RANGE.kita)),
      school: Math.round(demand.school * random.uniform(...SUPPLY_SHARE_RANGE.school)),
      integration: Math.round(demand.integration * random.uniform(...SUPPLY_SHARE_RANGE.integration)),
      // Accommodation capacity is the demo's own "places in communal accommodation" series, so map and plan agree.
      accommodation: Math.round(accommodationPlaces.get(area.key) ?? demand.accommodation),
      counselling: round(demand.staff * random.uniform(...SUPPLY_SHARE_RANGE.counselling), 1),
    };
    for (const kind of Object.keys(capacityOf) as FacilityKind[]) {
      splitCapacity(capacityOf[kind], kind).forEach((capacity, index) => {
        const [longitude, latitude] = locationInside(area, centre, random);
        facilities.push({
          id: `${kind}-${area.key}-${index + 1}`,
          kind,
          name: `${NAME_PREFIX[kind]} ${area.name} ${index + 1} (Beispiel)`,
          capacity,
          longitude,
          latitude,
          synthetic: true,
          source: 'Beispieldaten, synthetisch',
        });
      });
    }
    staff.push({
      areaKey: area.key,
      positions: round(demand.staff * random.uniform(...MUNICIPAL_STAFF_SHARE_RANGE), 1),
      synthetic: true,
      note: 'Beispieldaten, synthetisch: Stellen Sozialarbeit der Kommune',
    });
  }
  return {
    scenarios: createPresetScenarios(startYear, DEMO_SCENARIO_YEARS).map((scenario) => ({
      ...scenario,
      assumptions: {
        de: `${scenario.assumptions.de} Angebot (Einrichtungen, Stellen) und Bevölkerung: Beispieldaten, synthetisch.`,
        en: `${scenario.assumptions.en} Supply (facilities, positions) and population: sample data, synthetic.`,
      },
    })),
    demandRates: JSON.parse(JSON.stringify(DEFAULT_DEMAND_RATES)) as PlanningContent['demandRates'],
    costRates: JSON.parse(JSON.stringify(DEFAULT_COST_RATES)) as PlanningContent['costRates'],
    facilities,
    staff,
    catchmentKm: 0,
  };
}
