/**
 * Turning a Scenario (what a planner edits: presets, per-area records keyed by area key) into the plain
 * arrays the allocation and the projection compute with, checking everything on the way. Area-keyed
 * inputs must name known areas: a key that matches no area is an error, never silently dropped.
 */
import { UserError } from '../contract/errors';
import type { AreaKey } from '../model/project';
import { spreadAgeGroups } from './ageGroups';
import { AGE_COUNT, SEXES } from './cohortStock';
import { INFLOW_PRESETS } from './presets';
import { checkPositive, checkShare } from './rateChecks';
import type { ArrivalStructure, Scenario } from './scenarioModel';

/** The longest projection horizon Kleinraum offers (years). */
export const MAXIMUM_PROJECTION_YEARS = 10;

/** Tolerance for shares that should add up to 1: typed percentages rarely add up exactly. */
const SHARE_SUM_TOLERANCE = 0.005;

/** Throws a UserError unless the scenario's own fields (id, horizon, start year, rates) are usable. */
export function checkScenarioFields(scenario: Scenario): void {
  if (scenario.id.trim() === '') {
    throw new UserError('bad-input', { de: 'Das Szenario hat keine Kennung. Bitte eine Kennung vergeben (z. B. „mittel“).', en: 'The scenario has no id. Please give it one (e.g. "medium").' });
  }
  if (!Number.isInteger(scenario.years) || scenario.years < 1 || scenario.years > MAXIMUM_PROJECTION_YEARS) {
    throw new UserError('bad-input', {
      de: `Der Projektionszeitraum muss 1 bis ${MAXIMUM_PROJECTION_YEARS} ganze Jahre umfassen, ist aber ${scenario.years}. Bitte den Zeitraum ändern.`,
      en: `The projection horizon must be 1 to ${MAXIMUM_PROJECTION_YEARS} whole years but is ${scenario.years}. Please change the horizon.`,
    });
  }
  if (!Number.isInteger(scenario.startYear) || scenario.startYear < 1900 || scenario.startYear > 2200) {
    throw new UserError('bad-input', {
      de: `Das Startjahr ${scenario.startYear} ist ungültig. Bitte ein Jahr wie 2024 angeben.`,
      en: `The start year ${scenario.startYear} is invalid. Please give a year such as 2024.`,
    });
  }
  checkShare(scenario.recognitionRate.value, 'Die Anerkennungsquote', 'The recognition rate');
  if (scenario.careRatios) {
    checkPositive(scenario.careRatios.asylumPending.personsPerStaff.value, 'Der Betreuungsschlüssel dieses Szenarios (Asylverfahren offen)', "This scenario's care ratio (asylum pending)");
    checkPositive(scenario.careRatios.protectionGranted.personsPerStaff.value, 'Der Betreuungsschlüssel dieses Szenarios (Schutz gewährt)', "This scenario's care ratio (protection granted)");
  }
}

/**
 * Whole arrivals to the region for each projection year.
 * A preset level is rate per 1,000 × the region's start population, rounded to whole persons.
 * @example resolveArrivalsPerYear({ kind: 'preset', level: 'medium' }, 3, 1_000_000) // [3900, 3900, 3900]
 */
export function resolveArrivalsPerYear(scenario: Pick<Scenario, 'yearlyInflow' | 'years'>, regionPopulation: number): number[] {
  const inflow = scenario.yearlyInflow;
  if (inflow.kind === 'preset') {
    const perYear = Math.round((INFLOW_PRESETS[inflow.level].value * regionPopulation) / 1000);
    return new Array<number>(scenario.years).fill(perYear);
  }
  const perYear = typeof inflow.arrivalsPerYear === 'number' ? new Array<number>(scenario.years).fill(inflow.arrivalsPerYear) : inflow.arrivalsPerYear;
  if (perYear.length !== scenario.years) {
    throw new UserError('bad-input', {
      de: `Für ${scenario.years} Projektionsjahre sind ${perYear.length} Zugangszahlen angegeben. Bitte je Jahr eine Zahl angeben.`,
      en: `${perYear.length} arrival figures are given for ${scenario.years} projection years. Please give one figure per year.`,
    });
  }
  for (const arrivals of perYear) {
    if (!Number.isInteger(arrivals) || arrivals < 0) {
      throw new UserError('bad-input', {
        de: `Der Zugang je Jahr muss eine ganze Personenzahl ≥ 0 sein, nicht ${arrivals}. Bitte den Zugang korrigieren.`,
        en: `Arrivals per year must be a whole number of persons ≥ 0, not ${arrivals}. Please correct the inflow.`,
      });
    }
  }
  return [...perYear];
}

/**
 * Arrival shares as 200 entries (women ages 0..99, then men ages 0..99) that sum to 1.
 * A sum within ±0.5 % of 1 is rescaled to exactly 1; anything else is an error.
 */
export function resolveArrivalShares(structure: ArrivalStructure): number[] {
  const bySex = SEXES.map((sex) => (structure.kind === 'singleYear' ? [...(structure.shares[sex] ?? [])] : spreadAgeGroups(structure.groups[sex] ?? [])));
  for (const [index, shares] of bySex.entries()) {
    if (shares.length !== AGE_COUNT) {
      throw new UserError('bad-input', {
        de: `Die Altersstruktur der Zugänge (${SEXES[index]}) braucht ${AGE_COUNT} Werte (Alter 0 bis 99), hat aber ${shares.length}.`,
        en: `The age structure of arrivals (${SEXES[index]}) needs ${AGE_COUNT} values (ages 0 to 99) but has ${shares.length}.`,
      });
    }
  }
  const shares = bySex.flat();
  let total = 0;
  for (const share of shares) {
    if (!Number.isFinite(share) || share < 0) {
      throw new UserError('bad-input', {
        de: `Die Alters- und Geschlechtsstruktur der Zugänge enthält einen ungültigen Anteil (${share}). Bitte nur Anteile ≥ 0 angeben.`,
        en: `The age and sex structure of arrivals contains an invalid share (${share}). Please give only shares ≥ 0.`,
      });
    }
    total += share;
  }
  if (Math.abs(total - 1) > SHARE_SUM_TOLERANCE) {
    throw new UserError('bad-input', {
      de: `Die Anteile der Alters- und Geschlechtsstruktur ergeben zusammen ${(total * 100).toFixed(1).replace('.', ',')} % statt 100 %. Bitte die Anteile anpassen.`,
      en: `The shares of the age and sex structure add up to ${(total * 100).toFixed(1)} % instead of 100 %. Please adjust the shares.`,
    });
  }
  return shares.map((share) => share / total);
}

/**
 * Values of an area-keyed record in area order. Keys naming no area are an error (a typo must not make a
 * municipality silently drop out); areas without an entry get `fallback`, or are an error when it is undefined.
 * @example valuesByArea({ '03241001': 5 }, ['03241001', '03241002'], 'credits', 0) // [5, 0]
 */
export function valuesByArea<T>(record: Record<AreaKey, T> | undefined, areaKeys: readonly AreaKey[], field: string, fallback: T | undefined): T[] {
  const known = new Set(areaKeys);
  for (const key of Object.keys(record ?? {})) {
    if (!known.has(key)) {
      throw new UserError('bad-input', {
        de: `„${field}“ nennt das Gebiet „${key}“, das es im Projekt nicht gibt. Bitte den Gebietsschlüssel prüfen (führende Nullen?).`,
        en: `"${field}" names the area "${key}", which does not exist in the project. Please check the area key (leading zeros?).`,
      });
    }
  }
  return areaKeys.map((key) => {
    const value = record?.[key];
    if (value !== undefined) return value;
    if (fallback === undefined) {
      throw new UserError('bad-input', {
        de: `„${field}“ hat keinen Wert für das Gebiet „${key}“. Bitte für jedes Gebiet einen Wert angeben.`,
        en: `"${field}" has no value for the area "${key}". Please give a value for every area.`,
      });
    }
    return fallback;
  });
}

/** One value per projection year from "one figure for every year" or "one per year". */
export function valuePerYear(value: number | number[], years: number, field: string): number[] {
  if (typeof value === 'number') return new Array<number>(years).fill(value);
  if (value.length !== years) {
    throw new UserError('bad-input', {
      de: `„${field}“ hat ${value.length} Jahreswerte, der Zeitraum umfasst aber ${years} Jahre. Bitte eine Zahl oder je Jahr eine Zahl angeben.`,
      en: `"${field}" has ${value.length} yearly values but the horizon is ${years} years. Please give one number or one per year.`,
    });
  }
  return [...value];
}
