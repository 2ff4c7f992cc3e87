/**
 * Turns profile results into map overlays (see store/overlaySlice.ts): the typology's groups with their
 * descriptions, the deviation of each area from the region in the chosen measure. Pure.
 */
import type { Locale } from '../../shared/format/number';
import { localized, translate } from '../../shared/i18n/translate';
import { deviations, type DeviationMeasure } from '../../shared/profiles/deviation';
import type { AreaProfile, ProfileIndicatorDefinition, ProfileSet } from '../../shared/profiles/profileTypes';
import type { Typology } from '../../shared/profiles/typology';
import type { DeviationOverlay, TypologyOverlay } from '../store/overlaySlice';

/**
 * The typology as a qualitative map: each grouped area gets "Typ n: <what sets the group apart>".
 * @example typologyOverlay(set, typology, 'de').groups['03241001'] // { group: 2, label: 'Typ 2: höherer Anteil …' }
 */
export function typologyOverlay(set: ProfileSet, typology: Typology, locale: Locale): TypologyOverlay {
  const labelOf = new Map(
    typology.groups.map((group) => {
      const description = localized(group.description, locale);
      const name = translate(locale, 'profiles.typology.group', { number: group.number });
      return [group.number, description ? `${name}: ${description}` : name];
    }),
  );
  const groups: TypologyOverlay['groups'] = {};
  for (const [key, group] of Object.entries(typology.groupOf)) groups[key] = { group, label: labelOf.get(group) ?? String(group) };
  return {
    kind: 'typology',
    layer: set.layer,
    period: set.period,
    title: `${translate(locale, 'profiles.typology')} (${typology.k})`,
    groups,
    silhouette: typology.silhouette,
  };
}

/**
 * One indicator's deviation from the region as a diverging map.
 * @example deviationOverlay(set, set.areas, indicator, 'index', 'de').values['03241001'] // 131.7
 */
export function deviationOverlay(
  set: ProfileSet,
  areas: readonly AreaProfile[],
  indicator: ProfileIndicatorDefinition,
  measure: DeviationMeasure,
  locale: Locale,
): DeviationOverlay {
  const values: DeviationOverlay['values'] = {};
  for (const entry of deviations(areas, set.region, indicator.id, measure)) values[entry.key] = entry.deviation;
  return {
    kind: 'deviation',
    layer: set.layer,
    period: set.period,
    title: `${localized(indicator.label, locale)} – ${translate(locale, `profiles.measure.${measure}`)}`,
    measure,
    values,
  };
}
