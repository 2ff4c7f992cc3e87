/**
 * Rows of the area table: the indicator values sorted as the user asked. Pure.
 */
import type { FeatureCollectionDto, IndicatorValue } from '../../shared/contract/api';
import type { LocalizedText } from '../../shared/model/project';
import type { Locale } from '../../shared/format/number';
import type { TableSort } from '../store/viewSlice';
import { compareAreaNames } from '../../shared/format/areaNames';

const qualityOrder = ['counted', 'estimated', 'projected', 'synthetic', 'suppressed'];

/**
 * Sorts a copy of `values`. Names compare as everywhere areas are listed by name (compareAreaNames:
 * umlauts in place, areas named only by their key last); missing values sort last in both directions so
 * they never hide the extremes;
 * ties are broken by key so the order is stable.
 * @example sortAreaRows(values, { column: 'value', direction: 'descending' }, 'de')[0].key // area with the highest value
 */
export function sortAreaRows(values: readonly IndicatorValue[], sort: TableSort, locale: Locale): IndicatorValue[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: IndicatorValue, b: IndicatorValue): number => {
    switch (sort.column) {
      case 'name':
        return compareAreaNames(a, b, locale, sign);
      case 'key':
        return sign * compareKeys(a.key, b.key);
      case 'quality':
        return sign * (qualityOrder.indexOf(a.quality ?? '') - qualityOrder.indexOf(b.quality ?? ''));
      case 'value':
        if (a.value === null && b.value === null) return 0;
        if (a.value === null) return 1;
        if (b.value === null) return -1;
        return sign * (a.value - b.value);
    }
  };
  return [...values].sort((a, b) => compare(a, b) || compareKeys(a.key, b.key));
}

/** Area keys are codes (AGS, district numbers): their code-unit order is their order, no collation needed. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rows for a layer shown without any indicator (a project with boundaries only): every area with its name
 * and key, and no value, so the table lists what the map shows.
 */
export function areaRowsWithoutValues(features: FeatureCollectionDto, missingReason: LocalizedText): IndicatorValue[] {
  return features.features.map((feature) => ({
    key: feature.properties.key,
    name: feature.properties.name,
    value: null,
    numerator: null,
    denominator: null,
    quality: null,
    smallNumber: false,
    missingReason,
  }));
}
