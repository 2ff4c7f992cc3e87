/**
 * The scenario and the planning rates, as plain data. A scenario says how many people arrive, where they
 * are placed and what happens to them; the demand rates say what infrastructure a population needs.
 * Every rate carries where it comes from: a named source, or an assumption spelled out as such. Results
 * computed from them are always quality "projected" and carry these texts along (see runScenario.ts).
 *
 * Rates are fractions per year (0.25 = 25 % per year) unless a field says otherwise.
 */
import type { AreaKey, LocalizedText } from '../model/project';
import type { AgeGroupValue } from './ageGroups';
import type { Sex } from './cohortStock';

/**
 * Where a value comes from. `source`: a publication, statistic or law one can look up.
 * `assumption`: a planning assumption (possibly informed by a source); shown as "Annahme".
 */
export interface ValueBasis {
  kind: 'source' | 'assumption';
  text: LocalizedText;
}

/** A number together with its basis. The one place where a planner edits a rate. */
export interface DocumentedValue<T = number> {
  value: T;
  basis: ValueBasis;
}

export const INFLOW_LEVELS = ['low', 'medium', 'high'] as const;
export type InflowLevel = (typeof INFLOW_LEVELS)[number];

/**
 * Yearly arrivals to the whole region (persons per year, integers).
 * - preset: low/medium/high, converted to persons with the preset's rate per 1,000 inhabitants of the region
 * - typed: one number for every year, or one number per projection year
 */
export type YearlyInflow = { kind: 'preset'; level: InflowLevel } | { kind: 'typed'; arrivalsPerYear: number | number[] };

/**
 * How arrivals are distributed over the areas: by population share (the key Niedersachsen uses to
 * distribute asylum seekers to its municipalities, Aufnahmegesetz), with credits and carry-over.
 */
export interface AllocationSettings {
  /**
   * Weight of each area in the key, usually its population. Default: the total start population of each area
   * (rounded). When given, every area needs an entry (0 is allowed: such an area receives nobody through the key).
   */
  populationKey?: Record<AreaKey, number>;
  /**
   * Persons credited to an area's quota in a year (Anrechnung), e.g. people already living there
   * who came outside the distribution. Credited persons are part of the year's arrivals and count as received
   * by that area. Integers ≥ 0; one figure for every year, or one per projection year.
   */
  credits?: Record<AreaKey, number | number[]>;
  /**
   * Carry quotas not met (or exceeded) over into the next year: true in Niedersachsen's practice of
   * Verrechnung. When false, every year starts from a clean balance.
   */
  carryOver: boolean;
  /**
   * Balance of each area at the start (persons): positive = the area still owes places (under-fulfilled),
   * negative = it took more than its quota. Integers. Default 0.
   */
  openingBalance?: Record<AreaKey, number>;
}

/**
 * Age and sex structure of arrivals (age at the end of the arrival year). Shares of all arrivals, summing to 1
 * (a sum within ±0.5 % of 1 is accepted and rescaled, because typed percentages rarely add up exactly).
 * - singleYear: shares per sex for ages 0..99
 * - ageGroups: shares per sex and age group, spread evenly over the years of each group
 */
export type ArrivalStructure =
  | { kind: 'singleYear'; shares: Record<Sex, number[]>; basis: ValueBasis }
  | { kind: 'ageGroups'; groups: Record<Sex, AgeGroupValue[]>; basis: ValueBasis };

/** Optional natural movement; without it births and deaths are zero (fine for 1–3 years, not for 10). */
export interface NaturalMovement {
  /** Births per woman and year by mother's age, 100 entries (age-specific fertility rates). */
  fertilityByAge: DocumentedValue<number[]>;
  /** Share of newborns who are boys. */
  boysShareOfBirths: DocumentedValue;
  /** Deaths per person and year by age, 100 entries, applied to both sexes. */
  mortalityByAge: DocumentedValue<number[]>;
}

export interface Scenario {
  id: string;
  name: LocalizedText;
  /** The year whose year-end stock is the starting point; the projection covers startYear+1 … startYear+years. */
  startYear: number;
  /** Projection horizon: 1–10 years. */
  years: number;
  yearlyInflow: YearlyInflow;
  allocation: AllocationSettings;
  /** Share of pending asylum seekers whose procedure ends with protection in a year (status change). */
  recognitionRate: DocumentedValue;
  /** Share of refugees who leave the region per year (return, onward migration abroad, rejection), by status. */
  departureRate: { asylumPending: DocumentedValue; protectionGranted: DocumentedValue };
  /**
   * Share of persons with protection status who move to another area of the region per year. Asylum seekers
   * are bound to their assigned municipality (AsylG § 60 Wohnsitzauflage), so they do not move onwards here.
   */
  onwardMoveRate: DocumentedValue;
  /** Where onward movers go: weights per area (default: the allocation key). The origin is excluded. */
  onwardMoveDestinationWeights?: Record<AreaKey, number>;
  arrivalStructure: ArrivalStructure;
  naturalMovement?: NaturalMovement;
  /**
   * The care ratios of social work in this scenario ("Hoch, Sozialarbeit 1:50" against the project's 1:80);
   * without them the project's (its demand rates) apply. See scenarioDemandRates.
   */
  careRatios?: DemandRates['staff'];
  /** Free text: what this scenario assumes and why, shown with every result. */
  assumptions: LocalizedText;
}

/** The five kinds of infrastructure the planners plan for; also the keys of demand, supply and gap. */
export const INFRASTRUCTURE_KINDS = ['kita', 'school', 'integration', 'accommodation', 'staff'] as const;
export type InfrastructureKind = (typeof INFRASTRUCTURE_KINDS)[number];

/** Places (kita, school, integration-course places, accommodation beds) or staff positions (full-time equivalents). */
export type InfrastructureFigures = Record<InfrastructureKind, number>;

/** A participation rate for an age range (both ends inclusive), separately for residents and refugees. */
export interface AgeRangeRate {
  id: string;
  label: LocalizedText;
  fromAge: number;
  toAge: number;
  /** Share of residents of these ages who need a place. */
  residents: DocumentedValue;
  /** Share of refugees of these ages who need a place. */
  refugees: DocumentedValue;
}

/** Social workers: one full-time position per `personsPerStaff` persons of the target group. */
export interface CareRatio {
  /** 50, 80 or 100 are in use (Betreuungsschlüssel 1:50, 1:80, 1:100); any positive number is allowed. */
  personsPerStaff: DocumentedValue;
}

export interface DemandRates {
  /** KiTa places needed, by age range (typically "unter 3" and "3 bis Schuleintritt"). */
  kita: AgeRangeRate[];
  /** School places needed, by school-age group (typically Primarstufe, Sekundarstufe I, Sekundarstufe II). */
  school: AgeRangeRate[];
  /** Integration-course places: eligible share × participation, adults of the given age range, by status. */
  integration: {
    fromAge: number;
    toAge: number;
    eligibleShare: { asylumPending: DocumentedValue; protectionGranted: DocumentedValue };
    /** Share of eligible persons who start a course within a year. */
    participationRate: DocumentedValue;
  };
  /** Share of refugees who need a place in public accommodation (no housing of their own), by status. */
  accommodationNeedShare: { asylumPending: DocumentedValue; protectionGranted: DocumentedValue };
  /** Care ratios per target group. */
  staff: { asylumPending: CareRatio; protectionGranted: CareRatio };
}

/** Cost figures per place or staff position per year (euros); explicit and editable. */
export interface CostRates {
  /** What one additional place or position costs per year when the gap is closed (cost of acting). */
  costPerUnitPerYear: Record<InfrastructureKind, DocumentedValue>;
  /** What one missing place or position costs per year when nothing is done (cost of not acting). */
  costOfMissingUnitPerYear: Record<InfrastructureKind, DocumentedValue>;
}
