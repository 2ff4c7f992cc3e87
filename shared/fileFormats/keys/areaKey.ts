/**
 * German official area keys as text: Land (2), Regierungsbezirk (3), Kreis (5), Gemeindeverband (9),
 * AGS (8, Gemeinde) and ARS (12, Gemeinde with Gemeindeverband). Exports re-saved by Excel lose leading
 * zeros (`3241001`); they are restored here, and the restoration is reported, never hidden.
 */

export type AreaLevel = 'germany' | 'land' | 'regierungsbezirk' | 'kreis' | 'gemeindeverband' | 'gemeinde';

/** Coarse to fine. A row is an aggregate for a layer when its level is coarser than the layer's. */
export const AREA_LEVEL_ORDER: readonly AreaLevel[] = ['germany', 'land', 'regierungsbezirk', 'kreis', 'gemeindeverband', 'gemeinde'];

export interface RecognisedKey {
  /** The key as found (trimmed, footnote mark removed). */
  raw: string;
  /** The key with leading zeros restored; for an ARS of a Gemeinde this is still the 12-digit ARS. */
  key: string;
  level: AreaLevel;
  format: 'ags' | 'ars' | 'kreis' | 'land' | 'regierungsbezirk' | 'gemeindeverband' | 'germany';
  /** The 8-digit AGS for Gemeinde keys (from an ARS: ARS[0:5] + ARS[9:12]); the key itself for coarser levels. */
  ags: string;
  /** True when a lost leading zero was put back. */
  restoredLeadingZero: boolean;
}

function isLandCode(code: string): boolean {
  const land = Number(code);
  return code.length === 2 && land >= 1 && land <= 16;
}

/**
 * Derives the AGS (8) from an ARS (12): Land, RB and Kreis (5 digits) plus the Gemeinde number (last 3).
 * @example agsFromArs('032410001001') // "03241001"
 */
export function agsFromArs(ars: string): string {
  return ars.slice(0, 5) + ars.slice(9, 12);
}

/**
 * Recognises an area key and restores a lost leading zero where the length says one was lost
 * (Land codes 01–09 start with 0).
 * @example recogniseAreaKey('3241001') // { key: '03241001', level: 'gemeinde', format: 'ags', restoredLeadingZero: true, … }
 * @example recogniseAreaKey('032410001001')?.ags // "03241001"
 * @example recogniseAreaKey('DG')?.level // "germany"
 */
export function recogniseAreaKey(text: string): RecognisedKey | null {
  const raw = text.trim().replace(/\s+[a-z]$/, '');
  if (raw === 'DG' || raw === '0' || raw === '00') return { raw, key: 'DG', level: 'germany', format: 'germany', ags: 'DG', restoredLeadingZero: false };
  if (!/^\d{1,12}$/.test(raw)) return null;
  const restore = (length: number) => (raw.length === length - 1 ? `0${raw}` : raw);
  const make = (key: string, level: AreaLevel, format: RecognisedKey['format'], ags: string): RecognisedKey | null =>
    isLandCode(key.slice(0, 2)) ? { raw, key, level, format, ags, restoredLeadingZero: key !== raw } : null;
  switch (raw.length) {
    case 1:
    case 2: {
      const key = raw.padStart(2, '0');
      if (isLandCode(key)) return make(key, 'land', 'land', key);
      // "32" cannot be a Land: a Regierungsbezirk or statistical region that lost its zero (032).
      return make(`0${raw}`.padStart(3, '0'), 'regierungsbezirk', 'regierungsbezirk', `0${raw}`.padStart(3, '0'));
    }
    case 3:
      return isLandCode(raw.slice(0, 2)) ? make(raw, 'regierungsbezirk', 'regierungsbezirk', raw) : null;
    case 4:
    case 5: {
      const key = restore(5);
      return make(key, 'kreis', 'kreis', key);
    }
    case 7:
    case 8: {
      const key = restore(8);
      return make(key, 'gemeinde', 'ags', key);
    }
    case 9: {
      // Nine digits: a Gemeindeverband (Kreis + 4), or rarely an ARS fragment; the level is what matters here.
      return make(raw, 'gemeindeverband', 'gemeindeverband', raw);
    }
    case 11:
    case 12: {
      const key = restore(12);
      // ARS of a Gemeindeverband end in 000 with a non-zero Verband part; Gemeinde ARS have a Gemeinde number.
      if (key.slice(9) === '000' && key.slice(5, 9) !== '0000') return make(key, 'gemeindeverband', 'gemeindeverband', key.slice(0, 9));
      return make(key, 'gemeinde', 'ars', agsFromArs(key));
    }
    default:
      return null;
  }
}

/** The level of a layer's keys, from the most common level among them (a Gemeinde layer has AGS keys). */
export function dominantLevel(keys: string[]): AreaLevel | null {
  const counts = new Map<AreaLevel, number>();
  for (const key of keys) {
    const recognised = recogniseAreaKey(key);
    if (recognised) counts.set(recognised.level, (counts.get(recognised.level) ?? 0) + 1);
  }
  let best: AreaLevel | null = null;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (count > bestCount) {
      best = level;
      bestCount = count;
    }
  }
  return bestCount >= keys.length / 2 ? best : null;
}

/** True when `level` is coarser than `layerLevel` (e.g. a Kreis row in a Gemeinde table). */
export function isCoarserLevel(level: AreaLevel, layerLevel: AreaLevel): boolean {
  return AREA_LEVEL_ORDER.indexOf(level) < AREA_LEVEL_ORDER.indexOf(layerLevel);
}
