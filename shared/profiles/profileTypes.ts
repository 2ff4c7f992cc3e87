/**
 * The shapes of a profile comparison: one profile per area (and one for the whole region) at one period,
 * with counts and shares per chart category, small-number protection already applied. Plain data, so the
 * backend computes it, the contract carries it as JSON, and the renderer and the exports draw from it.
 */
import type { LocalizedText } from '../model/project';

/** The four views of the small multiples. */
export const PROFILE_VIEWS = ['pyramid', 'nationality', 'status', 'indicators'] as const;
export type ProfileView = (typeof PROFILE_VIEWS)[number];

/** Absolute numbers (persons) or shares (% of the panel's total). */
export type ProfileScaleMode = 'absolute' | 'shares';

/**
 * One count of a chart. `count` and `share` are null when the cell is suppressed by small-number protection
 * (0 < count < threshold); a true zero stays 0. `share` is in percent (0 … 100) of the chart's total.
 */
export interface ProfileCell {
  count: number | null;
  share: number | null;
  suppressed: boolean;
  /** Suppressed not as a small count but so that a printed total does not give one back (profileProtection.ts). */
  complementary?: boolean;
}

/** One bar pair of the population pyramid: an age group, by sex, with the refugee part inside each bar. */
export interface PyramidRow {
  ageGroup: string;
  male: ProfileCell;
  female: ProfileCell;
  refugeesMale: ProfileCell;
  refugeesFemale: ProfileCell;
}

/** The key indicators of a profile, by id (see PROFILE_INDICATORS). null: not computable or suppressed. */
export type ProfileIndicatorValues = Record<string, number | null>;

export interface AreaProfile {
  key: string;
  name: string;
  /** True for the region (the sum of all areas of the layer). */
  isRegion: boolean;
  /** Total population (persons), null when the project has no population for the period. */
  population: number | null;
  /** Refugees in total (persons). */
  refugees: number | null;
  /** Rows in age-group order (youngest first). */
  pyramid: PyramidRow[];
  /** Foreign population by nationality group, in category order; shares are of the foreign population. */
  nationality: ProfileCell[];
  /** Refugees by residence status, in category order; shares are of all refugees. */
  status: ProfileCell[];
  indicators: ProfileIndicatorValues;
}

export interface ProfileCategory {
  id: string;
  label: LocalizedText;
}

export interface ProfileIndicatorDefinition {
  id: string;
  label: LocalizedText;
  unit: LocalizedText;
  decimals: number;
  /** percent indicators compare in percentage points; others only as index and z-score. */
  kind: 'count' | 'percent' | 'per1000' | 'change';
}

/** Everything a profile view needs: categories, the area profiles and the region, sources and labelling. */
export interface ProfileSet {
  layer: string;
  /** ISO date of the profiles. */
  period: string;
  /** ISO date the change indicators and the change view compare with, or null. */
  comparePeriod: string | null;
  /** Periods for which profiles can be built, ascending. */
  periods: string[];
  smallNumberThreshold: number;
  ageGroups: ProfileCategory[];
  nationalities: ProfileCategory[];
  statuses: ProfileCategory[];
  indicators: ProfileIndicatorDefinition[];
  areas: AreaProfile[];
  region: AreaProfile;
  /** Profiles at `comparePeriod` (same order as `areas`), or null. */
  compareAreas: AreaProfile[] | null;
  compareRegion: AreaProfile | null;
  /** Printed below every figure: "Quelle: … , Stichtag …". */
  sourceLine: LocalizedText;
  /** True when any figure rests on synthetic data: figures say "Beispieldaten, synthetisch". */
  synthetic: boolean;
}
