/**
 * From features as read from any boundary format (source CRS, raw attributes) to Kleinraum areas (WGS84,
 * one per key) and the import report the user sees before confirming. Pure: the Node side only supplies
 * features and the detected CRS / encoding.
 */
import { featureCollection, polygon as turfPolygon, multiPolygon as turfMultiPolygon } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { UserError } from '../../contract/errors';
import type { Area, LayerInfo, LocalizedText } from '../../model/project';
import { isPlausibleWgs84Bounds, KNOWN_CRS, reprojectToWgs84InPlace, type BoundingBox, type CrsDetection } from '../../geo/crs';
import { mergeAreaGeometries, validateAreaGeometry, type GeometryIssue } from '../../geo/validity';
import { agsFromArs } from '../keys/areaKey';
import type { EncodingDetection, TextEncoding } from '../text/decode';

export interface RawFeature {
  properties: Record<string, string | number | boolean | null>;
  geometry: Polygon | MultiPolygon | Point | null;
}

export interface BuildAreasOptions {
  /** Attribute with the area key; detected when omitted (AGS, then ARS, then common key names). */
  keyField?: string;
  nameField?: string;
  /** Keep only features whose key starts with this (e.g. "03241" for Region Hannover). */
  filterKeyPrefix?: string;
  /** Keep only features where these attributes are filled (e.g. ["STADTBZNAM"] drops slivers and drawn shapes). */
  requireAttributes?: string[];
  /**
   * Dissolve on this attribute: its value becomes the key and the parts of each value are united (shared
   * borders vanish), e.g. "STADTBZNR" turns 51 Stadtteile into 13 Stadtbezirke. Overrides keyField.
   */
  dissolveByField?: string;
  /**
   * Drop features whose name is empty (slivers, helper shapes). Default: true when some but fewer than half
   * of the features lack a name (a proposal the report shows); false keeps them under their key.
   */
  dropUnnamed?: boolean;
  /** Several features with one key become one area (default). When false, duplicates are an error to resolve. */
  mergeDuplicateKeys?: boolean;
  /** Repair invalid geometries where safe (default); otherwise only flag them. */
  repairGeometries?: boolean;
  /** A 12-digit ARS key field gives AGS keys (default true), the usual key of Gemeinde layers. */
  deriveAgsFromArs?: boolean;
  layerName?: string;
}

export interface BoundaryImportReport {
  featureCount: number;
  crs: { detected: CrsDetection; used: string };
  encoding: { detected: EncodingDetection | null; used: TextEncoding | null };
  keyField: string;
  nameField: string | null;
  keyDerivation: 'as-is' | 'ags-from-ars';
  invalidGeometries: { found: number; repaired: number; list: GeometryIssue[] };
  duplicateKeys: { key: string; featureCount: number }[];
  /** Features left out, by reason; with the areas' features they add up to every record read (nothing lost silently). */
  filteredOut: { byKeyPrefix: number; byMissingAttributes: number; withoutKey: number; withoutGeometry: number; deletedRecords: number };
  /** Features with an empty name (counted before the key): whether they were dropped (see dropUnnamed). */
  withoutName: { count: number; dropped: boolean };
  /** Dissolve field when areas were united by an attribute, else null. */
  dissolvedBy: string | null;
  /** Latest date (ISO) in a BEGINN / DATUM / STAND attribute, e.g. "2021-07-01" in VG5000 2021; null when none. */
  latestAttributeDate: string | null;
  /** Attribute names of the source, for the key/name pickers. */
  fields: string[];
  /** Notes of the reader that did not stop the import (a .cpg contradicted by the content, deleted records …). */
  notes: { code: string; text: LocalizedText }[];
}

export interface BoundaryImport {
  areas: Area[];
  layerInfo: LayerInfo;
  report: BoundaryImportReport;
}

const KEY_FIELD_CANDIDATES = ['AGS', 'ags', 'AGS_0', 'ARS', 'ars', 'RS', 'rs', 'ARS_0', 'GKZ', 'gkz', 'STADTTLNR', 'STADTBZNR', 'key', 'KEY', 'id', 'ID'];
const NAME_FIELD_CANDIDATES = ['GEN', 'gen', 'name', 'NAME', 'Name', 'GEMEINDENAME', 'gemeindename', 'STADTTLNAM', 'STADTBZNAM', 'BEZEICHNUNG', 'bezeichnung'];

function text(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

const DATE_FIELD_PATTERN = /^(beginn|datum|stand|date|wirksamkeit|wsk)$/i;

/** ISO date of a DBF/JSON date value: "20210701", "2021-07-01", "01.07.2021"; null otherwise. */
function isoDateOfValue(value: string | number | boolean | null | undefined): string | null {
  const raw = text(value);
  let match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

/** The latest date in date-like attributes (BKG's BEGINN: when the object took its current form). */
function latestAttributeDate(fields: string[], features: RawFeature[]): string | null {
  const dateFields = fields.filter((field) => DATE_FIELD_PATTERN.test(field));
  let latest: string | null = null;
  for (const feature of features) {
    for (const field of dateFields) {
      const date = isoDateOfValue(feature.properties[field]);
      if (date && Number(date.slice(0, 4)) >= 1990 && (latest === null || date > latest)) latest = date;
    }
  }
  return latest;
}

/**
 * The name field for dissolved areas: a name candidate whose value is the same in every part of a group
 * (STADTBZNAM for STADTBZNR), so the united area keeps a true name rather than one part's.
 */
function nameFieldConstantWithin(fields: string[], features: RawFeature[], groupField: string): string | null {
  const candidates = [...NAME_FIELD_CANDIDATES.filter((field) => fields.includes(field)), ...fields.filter((field) => !NAME_FIELD_CANDIDATES.includes(field) && field !== groupField)];
  for (const candidate of candidates) {
    const byGroup = new Map<string, string>();
    let constant = true;
    let filled = 0;
    for (const feature of features) {
      const group = text(feature.properties[groupField]);
      if (group === '') continue;
      const name = text(feature.properties[candidate]);
      if (name !== '') filled += 1;
      const seen = byGroup.get(group);
      if (seen === undefined) byGroup.set(group, name);
      else if (seen !== name) {
        constant = false;
        break;
      }
    }
    const distinctNames = new Set(byGroup.values());
    if (constant && filled > 0 && distinctNames.size === byGroup.size && !/^\d+$/.test([...distinctNames][0] ?? '')) return candidate;
  }
  return null;
}

/** Unites polygons so shared borders vanish (dissolve); falls back to a plain MultiPolygon when union fails. */
function unitedGeometry(geometries: (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  if (geometries.length === 1) return geometries[0]!;
  try {
    const parts: Feature<Polygon | MultiPolygon>[] = geometries.map((geometry) => (geometry.type === 'Polygon' ? turfPolygon(geometry.coordinates) : turfMultiPolygon(geometry.coordinates)));
    const united = union(featureCollection(parts));
    if (united) return united.geometry;
  } catch {
    // Union can fail on self-intersecting input; the parts are then kept side by side (same area, inner borders drawn).
  }
  return mergeAreaGeometries(geometries);
}

/** Picks the key field: the first candidate that exists and is filled in most features. */
export function detectKeyField(fields: string[], features: RawFeature[]): string | null {
  for (const candidate of KEY_FIELD_CANDIDATES) {
    if (!fields.includes(candidate)) continue;
    const filled = features.filter((feature) => text(feature.properties[candidate]) !== '').length;
    if (filled >= features.length / 2) return candidate;
  }
  return null;
}

export function detectNameField(fields: string[]): string | null {
  return NAME_FIELD_CANDIDATES.find((candidate) => fields.includes(candidate)) ?? null;
}

function boundsOf(geometries: (Polygon | MultiPolygon)[]): BoundingBox {
  const bounds: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (x: number, y: number) => {
    if (x < bounds[0]) bounds[0] = x;
    if (y < bounds[1]) bounds[1] = y;
    if (x > bounds[2]) bounds[2] = x;
    if (y > bounds[3]) bounds[3] = y;
  };
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) for (const point of ring) visit(point[0]!, point[1]!);
  }
  return bounds;
}

/**
 * The areas' names, where two areas share a name told apart by their designation as German statistics
 * do ("München, Kreisfreie Stadt" and "München, Landkreis"): the table, labels and legends listed
 * "München" twice. Names still alike with it (two "Neustadt, Stadt") and unique names stay as they are.
 * @example distinctNames([{ name: 'München', designation: 'Kreisfreie Stadt' }, { name: 'München', designation: 'Landkreis' }]) // ['München, Kreisfreie Stadt', 'München, Landkreis']
 */
export function distinctNames(areas: readonly { name: string; designation: string }[]): string[] {
  const count = (values: readonly string[]) => values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>());
  const byName = count(areas.map((area) => area.name));
  const withDesignation = areas.map((area) => (area.designation ? `${area.name}, ${area.designation}` : area.name));
  const byDesignatedName = count(withDesignation);
  return areas.map((area, index) => {
    const designated = withDesignation[index] as string;
    return area.name !== '' && (byName.get(area.name) ?? 0) > 1 && area.designation !== '' && byDesignatedName.get(designated) === 1 ? designated : area.name;
  });
}

/**
 * Builds areas and the import report. Consumes `features`: their geometries are reprojected in place and
 * become the areas' geometries (pass a reader's fresh features, never ones kept for later use).
 * @example buildAreas(features, { code: 'EPSG:31467', how: 'authority', confidence: 1, alternatives: [] }, 'EPSG:31467', null, null, { filterKeyPrefix: '03241' }).areas.length // 21
 */
export function buildAreas(
  features: RawFeature[],
  crsDetected: CrsDetection,
  crsUsed: string,
  encodingDetected: EncodingDetection | null,
  encodingUsed: TextEncoding | null,
  options: BuildAreasOptions = {},
): BoundaryImport {
  // Every attribute name in order of first appearance, without an array of names per feature (11 000 in VG250).
  const fieldSet = new Set<string>();
  for (const feature of features) for (const field in feature.properties) fieldSet.add(field);
  const fields = [...fieldSet];
  if (options.dissolveByField && !fields.includes(options.dissolveByField)) {
    throw new UserError('bad-input', {
      de: `Das Feld „${options.dissolveByField}“ zum Zusammenfassen gibt es nicht (CLI: --dissolve-by). Vorhandene Felder: ${fields.join(', ')}.`,
      en: `There is no field "${options.dissolveByField}" to dissolve by (CLI: --dissolve-by). Fields: ${fields.join(', ')}.`,
    });
  }
  const keyField = options.dissolveByField ?? options.keyField ?? detectKeyField(fields, features);
  if (!keyField || !fields.includes(keyField)) {
    throw new UserError('bad-input', {
      de: `${options.keyField ? `Das Schlüsselfeld „${options.keyField}“ gibt es nicht.` : 'Kein Schlüsselfeld (AGS/ARS) erkannt.'} Bitte das Feld mit dem Gebietsschlüssel wählen (CLI: --key FELD). Vorhandene Felder: ${fields.join(', ')}.`,
      en: `${options.keyField ? `There is no key field "${options.keyField}".` : 'No key field (AGS/ARS) found.'} Please choose the field with the area key (CLI: --key FIELD). Fields: ${fields.join(', ')}.`,
    });
  }
  const nameField = options.nameField ?? (options.dissolveByField ? nameFieldConstantWithin(fields, features, options.dissolveByField) : detectNameField(fields));
  if (options.nameField && !fields.includes(options.nameField)) {
    throw new UserError('bad-input', {
      de: `Das Namensfeld „${options.nameField}“ gibt es nicht (CLI: --name-field). Vorhandene Felder: ${fields.join(', ')}.`,
      en: `There is no name field "${options.nameField}" (CLI: --name-field). Fields: ${fields.join(', ')}.`,
    });
  }
  const sampleKeys = features.slice(0, 50).map((feature) => text(feature.properties[keyField]));
  const deriveAgs = (options.deriveAgsFromArs ?? true) && sampleKeys.length > 0 && sampleKeys.every((key) => /^\d{12}$/.test(key));
  const filteredOut = { byKeyPrefix: 0, byMissingAttributes: 0, withoutKey: 0, withoutGeometry: 0, deletedRecords: 0 };
  const groups = new Map<string, { name: string; designation: string; geometries: (Polygon | MultiPolygon)[] }>();
  // BKG's designation (BEZ: "Kreisfreie Stadt", "Landkreis"), used only to tell areas of one name apart.
  const designationField = nameField === 'GEN' && fields.includes('BEZ') ? 'BEZ' : null;
  const unnamedCount = nameField ? features.filter((feature) => text(feature.properties[nameField]) === '').length : 0;
  const dropUnnamed = options.dropUnnamed ?? (unnamedCount > 0 && unnamedCount < features.length / 2);
  for (const feature of features) {
    if (dropUnnamed && nameField && text(feature.properties[nameField]) === '') {
      filteredOut.byMissingAttributes += 1;
      continue;
    }
    if (options.requireAttributes?.some((attribute) => text(feature.properties[attribute]) === '')) {
      filteredOut.byMissingAttributes += 1;
      continue;
    }
    const rawKey = text(feature.properties[keyField]);
    if (rawKey === '') {
      filteredOut.withoutKey += 1;
      continue;
    }
    const key = deriveAgs ? agsFromArs(rawKey) : rawKey;
    if (options.filterKeyPrefix && !key.startsWith(options.filterKeyPrefix) && !rawKey.startsWith(options.filterKeyPrefix)) {
      filteredOut.byKeyPrefix += 1;
      continue;
    }
    if (!feature.geometry || feature.geometry.type === 'Point') {
      filteredOut.withoutGeometry += 1;
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      group = { name: nameField ? text(feature.properties[nameField]) : '', designation: designationField ? text(feature.properties[designationField]) : '', geometries: [] };
      groups.set(key, group);
    }
    group.geometries.push(feature.geometry);
  }
  if (groups.size === 0) {
    throw new UserError('bad-input', {
      de: `Nach dem Filtern bleiben keine Flächen übrig${options.filterKeyPrefix ? ` (kein Schlüssel beginnt mit „${options.filterKeyPrefix}“)` : ''}. Bitte Filter und Schlüsselfeld prüfen (CLI: --filter-key-prefix, --key).`,
      en: `No polygons remain after filtering${options.filterKeyPrefix ? ` (no key starts with "${options.filterKeyPrefix}")` : ''}. Please check the filter and key field (CLI: --filter-key-prefix, --key).`,
    });
  }
  const duplicateKeys = [...groups].filter(([, group]) => group.geometries.length > 1).map(([key, group]) => ({ key, featureCount: group.geometries.length }));
  if (duplicateKeys.length > 0 && options.mergeDuplicateKeys === false && !options.dissolveByField) {
    throw new UserError('conflict', {
      de: `${duplicateKeys.length} Schlüssel kommen mehrfach vor (z. B. ${duplicateKeys[0]!.key}). Bitte „zusammenführen“ wählen oder ein eindeutiges Schlüsselfeld angeben.`,
      en: `${duplicateKeys.length} keys occur more than once (e.g. ${duplicateKeys[0]!.key}). Please choose "merge" or a unique key field.`,
    });
  }
  // Reprojected once, in place (the features are the reader's own, read for this call): the plausibility
  // check below looks at the first 200 geometries, the areas use all.
  const names = distinctNames([...groups.values()]);
  const reprojectedGroups = [...groups].map(([key, group], index) => ({ key, name: names[index] as string, geometries: group.geometries.map((geometry) => reprojectToWgs84InPlace(geometry, crsUsed)) }));
  const wgs84Check = boundsOf(reprojectedGroups.flatMap((group) => group.geometries).slice(0, 200));
  if (!isPlausibleWgs84Bounds(wgs84Check)) {
    throw new UserError('bad-input', {
      de: `Die Koordinaten passen nicht zum Koordinatensystem ${crsUsed} (${KNOWN_CRS[crsUsed]?.name ?? ''}): umgerechnet lägen die Flächen nicht in Europa. Die .prj-Datei ist vermutlich falsch. Bitte das richtige System wählen (CLI: --crs EPSG:N).`,
      en: `The coordinates do not fit the coordinate system ${crsUsed} (${KNOWN_CRS[crsUsed]?.name ?? ''}): reprojected, the areas would not lie in Europe. The .prj file is probably wrong. Please choose the right system (CLI: --crs EPSG:N).`,
    });
  }
  const issues: GeometryIssue[] = [];
  const areas: Area[] = [];
  for (const { key, name, geometries } of reprojectedGroups) {
    const merged = options.dissolveByField ? unitedGeometry(geometries) : mergeAreaGeometries(geometries);
    const validated = validateAreaGeometry(key, merged, options.repairGeometries ?? true);
    issues.push(...validated.issues);
    areas.push({ key, name: name || key, geometry: validated.geometry });
  }
  areas.sort((first, second) => (first.key < second.key ? -1 : first.key > second.key ? 1 : 0));
  const invalidKeys = new Set(issues.map((issue) => issue.key));
  const repairedKeys = new Set([...invalidKeys].filter((key) => issues.filter((issue) => issue.key === key).every((issue) => issue.repaired)));
  const layerName = options.layerName ?? 'gebiete';
  return {
    areas,
    layerInfo: {
      name: layerName,
      title: { de: layerName, en: layerName },
      keyField: deriveAgs ? 'AGS' : keyField,
      nameField: nameField ?? keyField,
      featureCount: areas.length,
      sourceCrs: crsUsed,
      sourceId: '',
      schematic: false,
    },
    report: {
      featureCount: features.length,
      crs: { detected: crsDetected, used: crsUsed },
      encoding: { detected: encodingDetected, used: encodingUsed },
      keyField,
      nameField,
      keyDerivation: deriveAgs ? 'ags-from-ars' : 'as-is',
      invalidGeometries: { found: invalidKeys.size, repaired: repairedKeys.size, list: issues },
      // Parts united on purpose are not duplicates to warn about.
      duplicateKeys: options.dissolveByField ? [] : duplicateKeys,
      filteredOut,
      withoutName: { count: unnamedCount, dropped: dropUnnamed && unnamedCount > 0 },
      dissolvedBy: options.dissolveByField ?? null,
      latestAttributeDate: latestAttributeDate(fields, features),
      fields,
      notes: [],
    },
  };
}
