/**
 * Everything a project holds for planning, as plain data: scenarios, the one set of demand and cost rates,
 * facilities and staff positions, and the catchment setting. Written with the project (storage:
 * electron/node/storage/planningStore.ts) and shipped with the demo (shared/demo/demoPlanning.ts).
 */
import type { Facility, StaffPositions } from './facilities';
import type { CatchmentMode, SupplyFromDataSettings } from './facilities';
import type { CostRates, DemandRates, Scenario } from './scenarioModel';

export interface PlanningContent {
  scenarios: Scenario[];
  demandRates: DemandRates;
  costRates: CostRates;
  facilities: Facility[];
  staff: StaffPositions[];
  /** A facility outside every area counts for the nearest area within this many km (0 = only inside). */
  catchmentKm: number;
  /** How facilities are assigned to areas (supplyAggregation.ts); default 'buffer'. */
  catchmentMode?: CatchmentMode;
  /** Kinds whose supply comes from an indicator of the project's data instead of facilities; default none. */
  supplyFromData?: SupplyFromDataSettings;
}
