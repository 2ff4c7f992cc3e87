/**
 * Origin–destination flows (Wanderungen, Umzüge): how many people moved from one area to another in the
 * period ending at a Stichtag. An end of a flow is either an area of the layer (its key) or one of the
 * named categories outside the layer (Umland, übriges Niedersachsen, …) — categories are never areas:
 * they have no geometry and no stock, and they are drawn as labelled stubs at the map's edge.
 * A flow from an area to itself is a move within the area (internal).
 */
import type { LocalizedText } from '../model/project';

export interface FlowRecord {
  /** Area key or external category key (`ext:…`). */
  from: string;
  to: string;
  /** Stichtag ending the period (ISO date), as for flow observations. */
  period: string;
  /** Persons (whole numbers in practice; estimates may be fractional). */
  value: number;
  /** Breakdown, e.g. { nationality: 'ukr' }; {} for totals. */
  dimensions: Record<string, string>;
  sourceId: string;
}

export const EXTERNAL_CATEGORY_KEYS = ['ext:umland', 'ext:niedersachsen', 'ext:bund', 'ext:ausland', 'ext:unbekannt'] as const;
export type ExternalCategoryKey = (typeof EXTERNAL_CATEGORY_KEYS)[number];

export interface ExternalCategory {
  key: ExternalCategoryKey;
  name: LocalizedText;
  /** Words a table may use for it (lower case, compared without spaces, dots and hyphens). */
  aliases: readonly string[];
  /** Where its stub sits at the map's edge, as a compass bearing in degrees from the region's centre (null: below the legend). */
  bearing: number | null;
}

export const EXTERNAL_CATEGORIES: readonly ExternalCategory[] = [
  { key: 'ext:umland', name: { de: 'Umland', en: 'Surrounding area' }, aliases: ['umland', 'surroundingarea', 'nachbarkreise'], bearing: 20 },
  { key: 'ext:niedersachsen', name: { de: 'übriges Niedersachsen', en: 'Rest of Lower Saxony' }, aliases: ['übrigesniedersachsen', 'niedersachsen', 'restoflowersaxony', 'lowersaxony'], bearing: 300 },
  { key: 'ext:bund', name: { de: 'übriges Bundesgebiet', en: 'Rest of Germany' }, aliases: ['übrigesbundesgebiet', 'bundesgebiet', 'deutschland', 'restofgermany', 'germany'], bearing: 160 },
  { key: 'ext:ausland', name: { de: 'Ausland', en: 'Abroad' }, aliases: ['ausland', 'abroad'], bearing: 240 },
  { key: 'ext:unbekannt', name: { de: 'unbekannt', en: 'unknown' }, aliases: ['unbekannt', 'unknown', 'ohneangabe', 'unbekanntesziel', 'unbekannteherkunft'], bearing: 100 },
];

/** @example isExternalKey('ext:ausland') // true */
export function isExternalKey(key: string): key is ExternalCategoryKey {
  return (EXTERNAL_CATEGORY_KEYS as readonly string[]).includes(key);
}

/**
 * The category a table's text names, or null.
 * @example externalCategoryOf('übriges Niedersachsen') // 'ext:niedersachsen'
 */
export function externalCategoryOf(text: string): ExternalCategoryKey | null {
  const normal = text.trim().toLowerCase().replace(/[\s.\-_]/g, '');
  if (normal === '') return null;
  for (const category of EXTERNAL_CATEGORIES) {
    if (category.key === text.trim().toLowerCase() || category.key.slice(4) === normal || category.aliases.includes(normal)) return category.key;
  }
  return null;
}

export function externalCategory(key: ExternalCategoryKey): ExternalCategory {
  return EXTERNAL_CATEGORIES.find((category) => category.key === key) as ExternalCategory;
}
