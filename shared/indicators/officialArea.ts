/**
 * Which land area a density (per km²) divides by. The official land area (KFL of BKG's VG250-EW, or a
 * statistics table's "Fläche") is recorded as observations of OFFICIAL_AREA_VARIABLE; where an area has one,
 * densities use it, as statistical offices do. Otherwise they use the area computed from the (often
 * simplified) geometry, and say so: figures then carry the note "Fläche aus Geometrie berechnet".
 */
import { message } from '../i18n/translate';
import { OFFICIAL_AREA_VARIABLE, type AreaKey, type LocalizedText, type Observation } from '../model/project';

export interface OfficialArea {
  /** Official land area in km². */
  areaKm2: number;
  sourceId: string;
  /** Stichtag of the area figure (ISO date). */
  period: string;
}

/**
 * How the km² of a per-km² figure were found: 'official' for every area, 'geometry' for every area, or 'mixed'.
 */
export type AreaBasis = 'official' | 'geometry' | 'mixed';

/**
 * The official land area of each area to use at `period`, drawn from sources by the one rule of
 * shared/sources/sourceChoice.ts: per area, the first source in `priority` that has a figure for it; a
 * source further down only fills areas the ones before it lack (as the import wizard promises for a
 * further source), and a source not listed is never used. Within that source: the figure of that
 * Stichtag, else the latest one before it, else the earliest one after it (land areas change only with
 * boundary changes, so a figure of another year describes the same territory far better than a
 * generalised polygon does; a series of years belongs in one source, continued by an import).
 * @param observations any observations; only OFFICIAL_AREA_VARIABLE values above 0 count
 * @param priority source ids in the order to draw from (see selectionPriority)
 * @example officialAreasAt(observations, '2019-12-31', ['bkg']).get('03241001') // { areaKm2: 204.3, sourceId: 'bkg', period: '2019-12-31' }
 */
export function officialAreasAt(observations: readonly Observation[], period: string, priority: readonly string[]): Map<AreaKey, OfficialArea> {
  const best = new Map<AreaKey, OfficialArea & { rank: number }>();
  const preference = (candidate: string): [number, number] => {
    // Rank: same day first, then earlier (closest first), then later (closest first).
    if (candidate === period) return [0, 0];
    return candidate < period ? [1, -Date.parse(candidate)] : [2, Date.parse(candidate)];
  };
  for (const observation of observations) {
    if (observation.variable !== OFFICIAL_AREA_VARIABLE || observation.value === null || !(observation.value > 0)) continue;
    const rank = priority.indexOf(observation.sourceId);
    if (rank < 0) continue;
    const current = best.get(observation.areaKey);
    if (current) {
      if (current.rank < rank) continue;
      const [dateRank, distance] = preference(observation.period);
      const [currentDateRank, currentDistance] = preference(current.period);
      if (current.rank === rank && (currentDateRank < dateRank || (currentDateRank === dateRank && currentDistance <= distance))) continue;
    }
    best.set(observation.areaKey, { areaKm2: observation.value, sourceId: observation.sourceId, period: observation.period, rank });
  }
  return new Map([...best].map(([key, { areaKm2, sourceId, period: chosen }]) => [key, { areaKm2, sourceId, period: chosen }]));
}

/**
 * The basis of a set of per-km² values from how many areas used an official area.
 * @example areaBasisOf(21, 21) // 'official'
 */
export function areaBasisOf(officialCount: number, areaCount: number): AreaBasis {
  if (officialCount === 0) return 'geometry';
  return officialCount === areaCount ? 'official' : 'mixed';
}

const AREA_BASIS_NOTES: Record<AreaBasis, LocalizedText> = {
  official: message('indicator.areaBasis.official'),
  geometry: message('indicator.areaBasis.geometry'),
  mixed: message('indicator.areaBasis.mixed'),
};

/**
 * The note a per-km² figure carries about its areas (legend and figure), or null for other figures.
 * @example areaBasisNote('geometry', 'de') // "Fläche aus Geometrie berechnet"
 */
export function areaBasisNote(basis: AreaBasis | null | undefined, locale: 'de' | 'en'): string | null {
  return basis ? AREA_BASIS_NOTES[basis][locale] : null;
}
