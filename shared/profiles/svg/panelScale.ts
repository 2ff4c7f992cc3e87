/**
 * Shared scales of the small multiples: every panel of a view uses the same maximum, so bar lengths compare
 * across panels. Absolute numbers make big areas dominate; shares compare structure fairly.
 */
import type { AreaProfile, ProfileCell, ProfileScaleMode, ProfileView } from '../profileTypes';

/** The value a cell contributes in the chosen mode (null when suppressed or unknown). */
export function cellValue(cell: ProfileCell, mode: ProfileScaleMode): number | null {
  return mode === 'shares' ? cell.share : cell.count;
}

/** Indicators drawn in the indicators view, in order. */
export const INDICATOR_VIEW_IDS = ['refugeesPer1000', 'foreignShare', 'under18Share', 'refugeesUnder18Share', 'grantedShare', 'refugeesChange'] as const;

/**
 * The largest value any panel (or the reference) draws, for the view's shared axis; at least 1.
 * For the indicators view, the largest absolute value per indicator.
 * @example sharedScaleMax(set.areas, 'pyramid', 'shares') // e.g. 8.3 (% of population in one age × sex cell)
 */
export function sharedScaleMax(profiles: readonly AreaProfile[], view: ProfileView, mode: ProfileScaleMode): number {
  let max = 0;
  const consider = (value: number | null) => {
    if (value !== null && Number.isFinite(value)) max = Math.max(max, Math.abs(value));
  };
  for (const profile of profiles) {
    if (view === 'pyramid') {
      for (const row of profile.pyramid) {
        consider(cellValue(row.male, mode));
        consider(cellValue(row.female, mode));
      }
    } else if (view === 'nationality') profile.nationality.forEach((cell) => consider(cellValue(cell, mode)));
    else if (view === 'status') profile.status.forEach((cell) => consider(cellValue(cell, mode)));
  }
  return max > 0 ? max : 1;
}

/** Largest absolute value per indicator over the profiles, for the indicators view. */
export function indicatorScaleMax(profiles: readonly AreaProfile[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const id of INDICATOR_VIEW_IDS) {
    let max = 0;
    for (const profile of profiles) {
      const value = profile.indicators[id];
      if (value !== null && value !== undefined && Number.isFinite(value)) max = Math.max(max, Math.abs(value));
    }
    result[id] = max > 0 ? max : 1;
  }
  return result;
}
