/**
 * From the choices of the Profile tab (view, mode, reference, order, grouping) to the figure as SVG text and
 * the panels it shows. One function for the renderer's preview, the file exports and the CLI, so they
 * always draw the same thing.
 */
import type { Locale } from '../format/number';
import { deviations, type DeviationMeasure } from './deviation';
import { orderPanels, type PanelGroup } from './orderPanels';
import type { AreaProfile, ProfileScaleMode, ProfileSet, ProfileView } from './profileTypes';
import { deviationSvg } from './svg/deviationSvg';
import { panelCount, profileGridSvg } from './svg/profileGridSvg';
import { computeTypology } from './typology';
import { REGION_KEY } from './aggregateProfiles';
import { UserError } from '../contract/errors';

export interface ProfileFigureChoices {
  view: ProfileView | 'deviation';
  mode: ProfileScaleMode;
  /** 'region', an area key, 'comparePeriod', or null. */
  reference: string | null;
  /** Area keys to show; null shows all. */
  areaKeys: readonly string[] | null;
  /** 'name', an indicator id, or null to keep the layer order. */
  sortBy: string | null;
  descending: boolean;
  filter?: string;
  typologyGroups: number | null;
  indicatorId: string;
  measure: DeviationMeasure;
  locale: Locale;
  selectedKey?: string | null;
}

export interface ProfileFigure {
  svg: string;
  /** Areas shown, in figure order. */
  areas: AreaProfile[];
  groups: PanelGroup[];
}

/** The areas chosen by key (in the given order); unknown keys are a UserError naming them. */
export function chooseAreas(set: ProfileSet, areaKeys: readonly string[] | null): AreaProfile[] {
  if (areaKeys === null) return set.areas;
  const byKey = new Map(set.areas.map((area) => [area.key, area]));
  const unknown = areaKeys.filter((key) => !byKey.has(key));
  if (unknown.length > 0) {
    throw new UserError('not-found', {
      de: `Diese Gebiete gibt es in der Ebene „${set.layer}“ nicht: ${unknown.join(', ')}. Bitte Schlüssel aus der Ebene angeben (z. B. 03241001).`,
      en: `These areas do not exist in layer "${set.layer}": ${unknown.join(', ')}. Please give keys of the layer (e.g. 03241001).`,
    });
  }
  return areaKeys.map((key) => byKey.get(key) as AreaProfile);
}

/** The outline reference for the choice, or null. For 'comparePeriod' each panel gets its own earlier profile. */
export function referenceProfile(set: ProfileSet, reference: string | null): AreaProfile | null {
  if (reference === null || reference === 'comparePeriod') return null;
  if (reference === REGION_KEY) return set.region;
  return set.areas.find((area) => area.key === reference) ?? null;
}

/**
 * @example buildProfileFigure(set, { view: 'pyramid', mode: 'shares', reference: 'region', areaKeys: null, sortBy: 'refugeesPer1000', descending: true, typologyGroups: null, indicatorId: 'refugeesPer1000', measure: 'index', locale: 'de' }).svg
 */
export function buildProfileFigure(set: ProfileSet, choices: ProfileFigureChoices): ProfileFigure {
  const areas = chooseAreas(set, choices.areaKeys);
  const typology = choices.typologyGroups ? computeTypology(set, choices.typologyGroups) : null;
  const groups =
    choices.sortBy === null && !typology && !choices.filter
      ? [{ group: null, areas: [...areas] }]
      : orderPanels(areas, { sortBy: choices.sortBy, descending: choices.descending, filter: choices.filter ?? '', groupOf: typology?.groupOf ?? null });
  const ordered = groups.flatMap((group) => group.areas);
  if (choices.view === 'deviation') {
    const indicator = set.indicators.find((candidate) => candidate.id === choices.indicatorId);
    if (!indicator) {
      throw new UserError('not-found', {
        de: `Die Kennzahl „${choices.indicatorId}“ gibt es in den Profilen nicht. Möglich: ${set.indicators.map((i) => i.id).join(', ')}.`,
        en: `The profiles have no indicator "${choices.indicatorId}". Possible: ${set.indicators.map((i) => i.id).join(', ')}.`,
      });
    }
    const rows = deviations(ordered, set.region, indicator.id, choices.measure);
    return { svg: deviationSvg(set, indicator, rows, choices.measure, choices.locale, choices.selectedKey ?? null), areas: ordered, groups };
  }
  const comparing = choices.reference === 'comparePeriod' && set.compareAreas !== null;
  const svg = profileGridSvg(set, {
    view: choices.view,
    mode: choices.mode,
    locale: choices.locale,
    groups,
    reference: referenceProfile(set, choices.reference),
    referenceByKey: comparing ? Object.fromEntries((set.compareAreas ?? []).map((area) => [area.key, area])) : undefined,
    groupDescriptions: typology ? Object.fromEntries(typology.groups.map((group) => [group.number, group.description[choices.locale]])) : undefined,
    selectedKey: choices.selectedKey ?? null,
  });
  return { svg, areas: ordered, groups };
}

export { panelCount };
