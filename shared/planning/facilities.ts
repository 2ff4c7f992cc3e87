/**
 * Supply as plain data: facilities (KiTas, schools, integration-course providers, accommodations,
 * counselling services) with a kind, a capacity and a point location, and staff positions per area.
 * Facilities are aggregated to areas by points in polygons (supplyAggregation.ts).
 */
import type { AreaKey, LocalizedText } from '../model/project';
import type { InfrastructureKind } from './scenarioModel';

/**
 * How facilities are assigned to areas (see supplyAggregation.ts, which does it). Defined here with the
 * other plain data, so that the project file's reader and the contract need not load the geometry code.
 */
export const CATCHMENT_MODES = ['buffer', 'nearest'] as const;
export type CatchmentMode = (typeof CATCHMENT_MODES)[number];

export interface SupplyCatchment {
  mode: CatchmentMode;
  /** Buffer in km for facilities outside every area (`buffer` mode only); 0 = only facilities inside count. */
  km: number;
}

/**
 * Supply of one infrastructure kind taken from the project's data instead of facilities: an absolute
 * indicator counting places (or positions) per area, e.g. the Kita statistics' "Genehmigte Plätze" per
 * municipality, which comes without addresses. `period` null = the indicator's newest Stichtag.
 */
export interface SupplyFromData {
  indicator: string;
  period: string | null;
}

/** Per infrastructure kind, where its supply comes from when not from facilities and staff positions. */
export type SupplyFromDataSettings = Partial<Record<InfrastructureKind, SupplyFromData>>;

/**
 * The kinds whose supply rests on demo data: a synthetic facility or staff entry of a kind counted from them,
 * or a synthetic source of a kind taken from the project's data. The Planung tab's notes and the stored
 * results' label both ask this.
 */
export function syntheticSupplyKinds(
  facilities: readonly Pick<Facility, 'kind' | 'synthetic'>[],
  staff: readonly Pick<StaffPositions, 'synthetic'>[],
  fromData: readonly { kind: InfrastructureKind; sources: readonly { synthetic: boolean }[] }[],
): Set<InfrastructureKind> {
  const kinds = new Set<InfrastructureKind>();
  const takenFromData = new Set(fromData.map((use) => use.kind));
  for (const use of fromData) if (use.sources.some((source) => source.synthetic)) kinds.add(use.kind);
  for (const facility of facilities) {
    const kind = SUPPLY_KIND_OF_FACILITY[facility.kind];
    if (facility.synthetic && !takenFromData.has(kind)) kinds.add(kind);
  }
  if (!takenFromData.has('staff') && staff.some((entry) => entry.synthetic)) kinds.add('staff');
  return kinds;
}

/** Kinds of facility a planner records. */
export const FACILITY_KINDS = ['kita', 'school', 'integration', 'accommodation', 'counselling'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/**
 * What a facility's capacity counts as in demand, supply and gap. A counselling service's capacity is in
 * staff positions (full-time equivalents of social work), so it adds to the `staff` supply.
 */
export const SUPPLY_KIND_OF_FACILITY: Record<FacilityKind, InfrastructureKind> = {
  kita: 'kita',
  school: 'school',
  integration: 'integration',
  accommodation: 'accommodation',
  counselling: 'staff',
};

/** Labels of the facility kinds (German first). */
export const FACILITY_KIND_LABELS: Record<FacilityKind, LocalizedText> = {
  kita: { de: 'KiTa', en: 'Day care (KiTa)' },
  school: { de: 'Schule', en: 'School' },
  integration: { de: 'Integrationskurs-Träger', en: 'Integration course provider' },
  accommodation: { de: 'Unterkunft', en: 'Accommodation' },
  counselling: { de: 'Beratungsstelle', en: 'Counselling service' },
};

export interface Facility {
  /** Stable id within the project, e.g. "kita-03241001-1". */
  id: string;
  kind: FacilityKind;
  name: string;
  /** Places (kita, school, integration, accommodation) or staff positions in FTE (counselling); ≥ 0. */
  capacity: number;
  /** WGS84 degrees. */
  longitude: number;
  latitude: number;
  /** True for generated demo facilities ("Beispieldaten, synthetisch"). */
  synthetic: boolean;
  /** Where the record comes from (file name, "Demo", "eingegeben"). */
  source: string;
}

/** Social-work staff positions (full-time equivalents) employed for an area, outside counselling services. */
export interface StaffPositions {
  areaKey: AreaKey;
  positions: number;
  synthetic: boolean;
  note: string;
}
