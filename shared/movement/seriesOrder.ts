/**
 * The order of the time-series panels (small multiples), the same on screen and in the exported figure:
 * as the layer lists its areas, by name, or by the latest value.
 */
import { compareAreaNames } from '../format/areaNames';
import type { Locale } from '../format/number';

export type SeriesOrder = 'layer' | 'name' | 'last';

/**
 * The keys of `series` in `sortBy` order, restricted to `areas` (in their order) when given. By the latest
 * value: descending, areas without one last; by name: see compareAreaNames.
 * @example orderedSeriesKeys(series, 'last', 'de')[0] // the area with the highest latest value
 */
export function orderedSeriesKeys(
  series: readonly { key: string; name: string; values: readonly { value: number | null }[] }[],
  sortBy: SeriesOrder,
  locale: Locale,
  areas?: readonly string[],
): string[] {
  const wanted = areas && areas.length > 0 ? areas.flatMap((key) => series.filter((entry) => entry.key === key)) : [...series];
  if (sortBy === 'name') wanted.sort((a, b) => compareAreaNames(a, b, locale));
  if (sortBy === 'last') {
    const last = (entry: (typeof wanted)[number]) => entry.values.at(-1)?.value ?? null;
    wanted.sort((a, b) => (last(b) ?? -Infinity) - (last(a) ?? -Infinity));
  }
  return wanted.map((entry) => entry.key);
}
