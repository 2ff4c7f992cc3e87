/**
 * The embedded demo project: the 21 cities and municipalities of Region Hannover with real keys, names,
 * boundaries and Zensus 2022 totals, and synthetic series. Pure and deterministic: the same
 * seed gives byte-identical JSON; only the synthetic values depend on the seed.
 *
 * Where every number comes from:
 * - AGS (03241001 … 03241021) and official names: VG250 / VG5000 of the BKG, as tabulated in
 *   `../shared/data/PROVENANCE.md` (all sources agree); typed in `regionHannover.ts`.
 * - `population` from the source Zensus 2022: REAL. Table 1000A-0000, Stichtag 15.05.2022, © Statistische
 *   Ämter des Bundes und der Länder, 2024, dl-de/by-2-0; the 21 values sum to 1 129 158 (= the Kreis row).
 *   The same variable's synthetic register series (31.12. of each year) is the source indicators draw
 *   from; the census is there to compare (Quellenvergleich).
 * - Boundaries and land areas: REAL. BKG VG250-EW municipality polygons, simplified with shared borders kept
 *   shared (assets/boundaries/region-hannover-gemeinden.geo.json), © GeoBasis-DE / BKG 2025 (Daten
 *   verändert), dl-de/by-2-0; the official land area (KFL) as the observation `area_km2`, which densities
 *   use. See `demoBoundaries.ts`.
 * - Everything else is SYNTHETIC ("Beispieldaten, synthetisch", quality 'synthetic'), from a seeded
 *   generator (`random.ts`): population by sex × age anchored at the Zensus totals
 *   (`syntheticPopulation.ts`), foreign population by nationality (`syntheticForeignPopulation.ts`),
 *   refugees by status × sex × age with arrivals and departures that balance exactly
 *   (`syntheticRefugees.ts`), their flows among the municipalities and to and from outside the region that
 *   sum to those arrivals and departures (`syntheticFlows.ts`), and accommodation places and occupancy
 *   (`syntheticAccommodation.ts`).
 *   Planning data (facilities, staff positions, the three scenarios) comes from `demoPlanning.ts`.
 *   Each file's header states its assumptions. The shapes follow what planners know (waves in 2015/16
 *   and 2022, a younger city, older suburbs), but no value describes real people.
 */
import type { Observation, ProjectContent } from '../model/project';
import { CENSUS_STICHTAG, DEMO_DIMENSIONS, DEMO_SOURCE_IDS, DEMO_VARIABLES } from './dataDictionary';
import { DEFAULT_DEMO_INDICATOR, DEMO_INDICATORS } from './demoIndicators';
import { createDemoMunicipalities, officialAreaObservations } from './demoBoundaries';
import { createDemoPlanning } from './demoPlanning';
import { DEMO_SOURCES } from './demoSources';
import { REGION_HANNOVER_CENSUS_TOTAL, REGION_HANNOVER_KREIS, REGION_HANNOVER_MUNICIPALITIES } from './regionHannover';
import { createSyntheticAccommodation } from './syntheticAccommodation';
import { createSyntheticFlows } from './syntheticFlows';
import { createSyntheticForeignPopulation } from './syntheticForeignPopulation';
import { createSyntheticPopulation } from './syntheticPopulation';
import { createSyntheticRefugees } from './syntheticRefugees';
import { createRefugeeComparisonSources } from './syntheticRefugeeSources';

/** A deep copy of plain data, so callers may change the result without touching the shared definitions. */
function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The seed used when none is given (the demo shown on `npm start`). */
export const DEFAULT_DEMO_SEED = 2022;

export const DEMO_PROJECT_TITLE = 'Demo: Region Hannover';

/** Name of the demo's boundary layer (the GeoPackage feature table). */
export const DEMO_LAYER_NAME = 'gemeinden';

function censusObservations(): Observation[] {
  // The census table's Kreis row is kept as the Region's reported total, to be checked against its parts.
  const kreisRow: Observation = { areaKey: REGION_HANNOVER_KREIS, variable: 'population', dimensions: {}, period: CENSUS_STICHTAG, value: REGION_HANNOVER_CENSUS_TOTAL, sourceId: DEMO_SOURCE_IDS.census, quality: 'counted' };
  return [kreisRow, ...REGION_HANNOVER_MUNICIPALITIES.map((municipality): Observation => ({
    areaKey: municipality.key,
    variable: 'population',
    dimensions: {},
    period: CENSUS_STICHTAG,
    value: municipality.censusPopulation,
    sourceId: DEMO_SOURCE_IDS.census,
    quality: 'counted',
  }))];
}

/**
 * Builds the demo project as plain data (18 732 observations, about 3,4 MB as JSON).
 * @param options.seed any integer; changes only the synthetic values (default DEFAULT_DEMO_SEED)
 * @example createDemoProject().layers[0].areas.length // 21
 * @example JSON.stringify(createDemoProject({ seed: 7 })) === JSON.stringify(createDemoProject({ seed: 7 })) // true
 */
export function createDemoProject(options: { seed?: number } = {}): ProjectContent {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const areas = createDemoMunicipalities();
  const population = createSyntheticPopulation(seed);
  const refugees = createSyntheticRefugees(seed, population.totals);
  const observations: Observation[] = [
    ...censusObservations(),
    ...officialAreaObservations(),
    ...population.observations,
    ...createSyntheticForeignPopulation(seed, population.totals),
    ...refugees.observations,
    ...createRefugeeComparisonSources(seed, refugees.observations),
    ...createSyntheticAccommodation(seed, refugees.totals),
  ];
  const seats = new Map(REGION_HANNOVER_MUNICIPALITIES.map((municipality) => [municipality.key, municipality.seat] as const));
  return {
    title: DEMO_PROJECT_TITLE,
    layers: [
      {
        info: {
          name: DEMO_LAYER_NAME,
          title: { de: 'Städte und Gemeinden der Region Hannover', en: 'Cities and municipalities of Region Hannover' },
          keyField: 'key',
          nameField: 'name',
          featureCount: areas.length,
          sourceCrs: 'EPSG:4326',
          sourceId: DEMO_SOURCE_IDS.boundaries,
          schematic: false,
        },
        areas,
      },
    ],
    sources: copyOf(DEMO_SOURCES),
    dimensions: copyOf(DEMO_DIMENSIONS),
    variables: copyOf(DEMO_VARIABLES),
    indicators: copyOf(DEMO_INDICATORS),
    observations,
    settings: {
      defaultIndicator: DEFAULT_DEMO_INDICATOR,
      smallNumberThreshold: 3,
      demoSeed: seed,
    },
    planning: createDemoPlanning(seed, areas, seats, observations),
    flows: createSyntheticFlows(seed, refugees.observations, refugees.totals),
  };
}
