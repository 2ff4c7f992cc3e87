/**
 * Infrastructure demand of one area's population: KiTa and school places for all children, integration
 * courses, accommodation and social workers for refugees. Pure arithmetic on a cohort stock and the
 * demand rates; the rates say where each number comes from (scenarioModel.ts, presets.ts).
 */
import { personsInAgeRange, stockTotal, type CohortStock } from './cohortStock';
import { checkPositive, checkShare } from './rateChecks';
import type { AgeRangeRate, DemandRates, InfrastructureFigures, Scenario } from './scenarioModel';

/** Demand with the contribution of every age-range rate, so a table can show how a total is made up. */
export interface DemandBreakdown {
  figures: InfrastructureFigures;
  /** KiTa places per age-range rate id, e.g. { 'under-3': 120.5, '3-to-school': 310 }. */
  kitaByRate: Record<string, number>;
  /** School places per school-age group id. */
  schoolByRate: Record<string, number>;
}

function placesForAgeRanges(stock: CohortStock, ageRangeRates: readonly AgeRangeRate[]): Record<string, number> {
  const places: Record<string, number> = {};
  for (const rate of ageRangeRates) {
    const residents = personsInAgeRange(stock, rate.fromAge, rate.toAge, ['resident']);
    const refugees = personsInAgeRange(stock, rate.fromAge, rate.toAge, ['asylumPending', 'protectionGranted']);
    places[rate.id] = (places[rate.id] ?? 0) + residents * rate.residents.value + refugees * rate.refugees.value;
  }
  return places;
}

function sumValues(record: Record<string, number>): number {
  return Object.values(record).reduce((total, value) => total + value, 0);
}

/**
 * Demand of one area (places; staff in full-time positions), unrounded.
 * - kita, school: Σ over age ranges of residents × resident rate + refugees × refugee rate
 * - integration: persons of the course ages × eligible share of their status × participation rate
 * - accommodation: refugees × accommodation need share of their status
 * - staff: refugees of each status / persons per staff position of that status
 * @example computeDemand(stock, DEFAULT_DEMAND_RATES).figures.staff // e.g. 12.5 positions
 */
export function computeDemand(stock: CohortStock, rates: DemandRates): DemandBreakdown {
  const kitaByRate = placesForAgeRanges(stock, rates.kita);
  const schoolByRate = placesForAgeRanges(stock, rates.school);
  const integrationRates = rates.integration;
  const pendingAdults = personsInAgeRange(stock, integrationRates.fromAge, integrationRates.toAge, ['asylumPending']);
  const grantedAdults = personsInAgeRange(stock, integrationRates.fromAge, integrationRates.toAge, ['protectionGranted']);
  const integration =
    (pendingAdults * integrationRates.eligibleShare.asylumPending.value + grantedAdults * integrationRates.eligibleShare.protectionGranted.value) *
    integrationRates.participationRate.value;
  const pending = stockTotal(stock, ['asylumPending']);
  const granted = stockTotal(stock, ['protectionGranted']);
  const accommodation = pending * rates.accommodationNeedShare.asylumPending.value + granted * rates.accommodationNeedShare.protectionGranted.value;
  const staff = pending / rates.staff.asylumPending.personsPerStaff.value + granted / rates.staff.protectionGranted.personsPerStaff.value;
  return {
    figures: { kita: sumValues(kitaByRate), school: sumValues(schoolByRate), integration, accommodation, staff },
    kitaByRate,
    schoolByRate,
  };
}

/** Throws a UserError naming the first rate outside its range (shares in [0, 1], care ratios > 0). */
export function checkDemandRates(rates: DemandRates): void {
  for (const rate of [...rates.kita, ...rates.school]) {
    checkShare(rate.residents.value, `Die Quote „${rate.label.de}“ (Einwohner)`, `The rate "${rate.label.en}" (residents)`);
    checkShare(rate.refugees.value, `Die Quote „${rate.label.de}“ (Geflüchtete)`, `The rate "${rate.label.en}" (refugees)`);
  }
  checkShare(rates.integration.eligibleShare.asylumPending.value, 'Der Anteil Berechtigter (Asylverfahren offen)', 'The eligible share (asylum pending)');
  checkShare(rates.integration.eligibleShare.protectionGranted.value, 'Der Anteil Berechtigter (Schutz gewährt)', 'The eligible share (protection granted)');
  checkShare(rates.integration.participationRate.value, 'Die Teilnahmequote Integrationskurs', 'The integration-course participation rate');
  checkShare(rates.accommodationNeedShare.asylumPending.value, 'Der Unterbringungsbedarf (Asylverfahren offen)', 'The accommodation need (asylum pending)');
  checkShare(rates.accommodationNeedShare.protectionGranted.value, 'Der Unterbringungsbedarf (Schutz gewährt)', 'The accommodation need (protection granted)');
  checkPositive(rates.staff.asylumPending.personsPerStaff.value, 'Der Betreuungsschlüssel (Asylverfahren offen)', 'The care ratio (asylum pending)');
  checkPositive(rates.staff.protectionGranted.personsPerStaff.value, 'Der Betreuungsschlüssel (Schutz gewährt)', 'The care ratio (protection granted)');
}

/**
 * The demand rates a scenario computes with: the project's, with the scenario's own care ratios where it
 * has them (a scenario "Sozialarbeit 1:50" beside the project's 1:80). The one place that decides it, so
 * the result, its assumptions and the banner never disagree.
 * @example scenarioDemandRates({ careRatios }, projectRates).staff === careRatios // true
 */
export function scenarioDemandRates(scenario: Pick<Scenario, 'careRatios'>, rates: DemandRates): DemandRates {
  return scenario.careRatios ? { ...rates, staff: scenario.careRatios } : rates;
}
