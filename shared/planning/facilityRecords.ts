/**
 * Facilities from the records of a table or GeoJSON file. Column names are matched loosely (German or
 * English, any case): kind/art/typ, name/bezeichnung, capacity/kapazitaet/plaetze, lon/lng/x/laenge and
 * lat/y/breite. A row that cannot be read is reported with its row number and the reason — never
 * silently dropped or guessed.
 */
import type { LocalizedText } from '../model/project';
import { FACILITY_KINDS, type Facility, type FacilityKind } from './facilities';

/** One record: field name → text or number as read from the file; `row` is the 1-based line for messages. */
export interface FacilityRecord {
  row: number;
  fields: Record<string, string | number | null | undefined>;
  /** A point geometry's [longitude, latitude], when the file has geometries. */
  coordinates?: [number, number];
}

/** Why a record is not a facility: no usable kind, no capacity ≥ 0, or no location. */
export const SKIP_PROBLEMS = ['kind', 'capacity', 'location'] as const;
export type SkipProblem = (typeof SKIP_PROBLEMS)[number];

export interface FacilityRecordsResult {
  facilities: Facility[];
  skipped: { row: number; problem: SkipProblem; reason: LocalizedText }[];
}

const FIELD_NAMES = {
  id: ['id', 'kennung', 'nr', 'nummer'],
  kind: ['kind', 'art', 'typ', 'type', 'einrichtungsart'],
  name: ['name', 'bezeichnung', 'einrichtung'],
  capacity: ['capacity', 'kapazitaet', 'kapazität', 'plaetze', 'plätze', 'places', 'stellen'],
  longitude: ['lon', 'lng', 'long', 'longitude', 'x', 'laenge', 'länge'],
  latitude: ['lat', 'latitude', 'y', 'breite'],
} as const;

/** Words for the facility kinds, so that "KiTa", "Kindertagesstätte" or "Schule" in a file are understood. */
const KIND_WORDS: Record<FacilityKind, string[]> = {
  kita: ['kita', 'kindertagesstaette', 'kindertagesstätte', 'krippe', 'kindergarten', 'day care'],
  school: ['school', 'schule', 'grundschule'],
  integration: ['integration', 'integrationskurs', 'integration course', 'sprachkurs'],
  accommodation: ['accommodation', 'unterkunft', 'gemeinschaftsunterkunft', 'unterbringung'],
  counselling: ['counselling', 'beratung', 'beratungsstelle', 'counseling'],
};

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

function field(record: FacilityRecord, names: readonly string[]): string | number | null {
  for (const [key, value] of Object.entries(record.fields)) {
    if (names.includes(normalise(key)) && value !== undefined && value !== null && value !== '') return value;
  }
  return null;
}

/** A number written as 1.234,5 or 1234.5 (German or English notation) or already a number. */
function numberOf(value: string | number | null): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(/\s/g, '');
  const german = /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(text);
  const parsed = Number(german ? text.replace(/\./g, '').replace(',', '.') : text);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * The facility kind a text names, or null.
 * @example facilityKindOf('Kindertagesstätte') // "kita"
 */
export function facilityKindOf(text: string): FacilityKind | null {
  const word = normalise(text);
  for (const kind of FACILITY_KINDS) if (kind === word || KIND_WORDS[kind].includes(word)) return kind;
  return null;
}

/**
 * Reads facilities from records. `defaultKind` applies to records without a kind field.
 * @example facilitiesFromRecords([{ row: 2, fields: { art: 'KiTa', name: 'Am Park', plaetze: '95', lon: '9,74', lat: '52,37' } }], { source: 'kitas.csv' }).facilities[0].capacity // 95
 */
export function facilitiesFromRecords(records: readonly FacilityRecord[], options: { source: string; defaultKind?: FacilityKind; idPrefix?: string }): FacilityRecordsResult {
  const facilities: Facility[] = [];
  const skipped: FacilityRecordsResult['skipped'] = [];
  const idPrefix = options.idPrefix ?? 'import';
  for (const record of records) {
    const kindText = field(record, FIELD_NAMES.kind);
    const kind = kindText === null ? (options.defaultKind ?? null) : facilityKindOf(String(kindText));
    if (kind === null) {
      skipped.push({
        row: record.row,
        problem: 'kind',
        reason: {
          de: kindText === null ? 'Art der Einrichtung fehlt (Spalte „Art“ oder beim Import eine Art wählen).' : `Unbekannte Art „${kindText}“ (erlaubt: KiTa, Schule, Integrationskurs, Unterkunft, Beratungsstelle).`,
          en: kindText === null ? 'Facility kind missing (column "kind", or choose a kind when importing).' : `Unknown kind "${kindText}" (allowed: kita, school, integration, accommodation, counselling).`,
        },
      });
      continue;
    }
    const capacity = numberOf(field(record, FIELD_NAMES.capacity));
    if (capacity === null || capacity < 0) {
      skipped.push({ row: record.row, problem: 'capacity', reason: { de: 'Kapazität fehlt oder ist keine Zahl ≥ 0.', en: 'Capacity missing or not a number ≥ 0.' } });
      continue;
    }
    const longitude = record.coordinates?.[0] ?? numberOf(field(record, FIELD_NAMES.longitude));
    const latitude = record.coordinates?.[1] ?? numberOf(field(record, FIELD_NAMES.latitude));
    if (longitude === null || latitude === null || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
      skipped.push({
        row: record.row,
        problem: 'location',
        reason: { de: 'Lage fehlt: Spalten „lon“/„lat“ in Grad (WGS84) oder eine Punktgeometrie angeben.', en: 'Location missing: give "lon"/"lat" columns in degrees (WGS84) or a point geometry.' },
      });
      continue;
    }
    const idText = field(record, FIELD_NAMES.id);
    const nameText = field(record, FIELD_NAMES.name);
    facilities.push({
      id: idText === null ? `${idPrefix}-${record.row}` : `${idPrefix}-${String(idText)}`,
      kind,
      name: nameText === null ? `${kind} ${record.row}` : String(nameText),
      capacity,
      longitude,
      latitude,
      synthetic: false,
      source: options.source,
    });
  }
  return { facilities, skipped };
}
