/**
 * Shared scales of the small multiples: every panel of a view uses the same maximum, so bar lengths compare
 * across panels. Absolute numbers make big areas dominate; shares compare structure fairly.
 */
import { ageSpansOf, type AgeSpan } from '../ageGroupSpans';
import type { AreaProfile, ProfileCell, ProfileScaleMode, ProfileView } from '../profileTypes';

/** The value a cell contributes in the chosen mode (null when suppressed or unknown). */
export function cellValue(cell: ProfileCell, mode: ProfileScaleMode): number | null {
  return mode === 'shares' ? cell.share : cell.count;
}

/**
 * The spans of a profile's pyramid rows (see ageSpansOf), or null when its age groups cannot be read as ages.
 * @example pyramidSpans(profile)?.map((span) => span.to - span.from) // [3, 3, 4, 6, 2, 7, 20, 20, 25]
 */
export function pyramidSpans(profile: AreaProfile): AgeSpan[] | null {
  return ageSpansOf(profile.pyramid.map((row) => row.ageGroup));
}

/**
 * What a pyramid bar's length shows: the cell's value per single year of age when the span is known
 * (persons, or % of the population, per year of age), else the group's value.
 * @example pyramidValue({ count: 2000, share: 4, suppressed: false }, 'shares', { from: 25, to: 45, open: false }) // 0.2
 */
export function pyramidValue(cell: ProfileCell, mode: ProfileScaleMode, span: AgeSpan | null | undefined): number | null {
  const value = cellValue(cell, mode);
  return value === null || !span ? value : value / (span.to - span.from);
}

/** Indicators drawn in the indicators view, in order. */
export const INDICATOR_VIEW_IDS = ['refugeesPer1000', 'foreignShare', 'under18Share', 'refugeesUnder18Share', 'grantedShare', 'refugeesChange'] as const;

/**
 * The largest value any panel (or the reference) draws, for the view's shared axis; at least 1.
 * For the indicators view, the largest absolute value per indicator.
 * Pyramids compare values per year of age (see pyramidValue).
 * @example sharedScaleMax(set.areas, 'pyramid', 'shares') // e.g. 0.8 (% of the population per year of age and sex)
 */
export function sharedScaleMax(profiles: readonly AreaProfile[], view: ProfileView, mode: ProfileScaleMode): number {
  let max = 0;
  const consider = (value: number | null) => {
    if (value !== null && Number.isFinite(value)) max = Math.max(max, Math.abs(value));
  };
  for (const profile of profiles) {
    if (view === 'pyramid') {
      const spans = pyramidSpans(profile);
      profile.pyramid.forEach((row, index) => {
        consider(pyramidValue(row.male, mode, spans?.[index]));
        consider(pyramidValue(row.female, mode, spans?.[index]));
      });
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
