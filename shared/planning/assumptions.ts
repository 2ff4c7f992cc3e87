/**
 * The list of every rate and figure a scenario result rests on, with its source or assumption text. It is
 * attached to every result so that a table, a map legend or a CLI report can print what was assumed.
 */
import { formatRateValue } from './rateEntries';
import type { LocalizedText } from '../model/project';
import type { CostRates, DemandRates, DocumentedValue, InfrastructureKind, Scenario, ValueBasis } from './scenarioModel';
import { INFLOW_PRESETS } from './presets';
import { formatNumberUpTo } from '../format/number';

export interface AssumptionEntry {
  /** A stable id, e.g. "scenario.recognitionRate" or "demand.kita.under-3.residents". */
  id: string;
  label: LocalizedText;
  /** The figure; null for structures too large to list here (the arrival structure), whose basis text still applies. */
  value: number | number[] | null;
  basis: ValueBasis;
}

/** A kind's supply taken from the project's data: the figures' indicator, sources and Stichtag as one text. */
export interface SupplyOrigin {
  kind: InfrastructureKind;
  label: LocalizedText;
  basis: ValueBasis;
}

function entry(id: string, de: string, en: string, documented: DocumentedValue<number | number[]>): AssumptionEntry {
  return { id, label: { de, en }, value: documented.value, basis: documented.basis };
}

/**
 * Collects the scenario's, the demand rates' and (if given) the cost rates' documented values.
 * @example collectAssumptions(scenario, DEFAULT_DEMAND_RATES).find((a) => a.id === 'scenario.recognitionRate')
 */
export function collectAssumptions(scenario: Scenario, demandRates: DemandRates, costRates?: CostRates, supplyOrigins: readonly SupplyOrigin[] = []): AssumptionEntry[] {
  const entries: AssumptionEntry[] = [];
  if (scenario.yearlyInflow.kind === 'preset') {
    entries.push(entry('scenario.inflow', 'Zugang je 1.000 Einwohner und Jahr', 'Arrivals per 1,000 inhabitants and year', INFLOW_PRESETS[scenario.yearlyInflow.level]));
  } else {
    const typed = scenario.yearlyInflow.arrivalsPerYear;
    entries.push({
      id: 'scenario.inflow',
      label: { de: 'Zugang je Jahr (Personen)', en: 'Arrivals per year (persons)' },
      value: typed,
      basis: { kind: 'assumption', text: { de: 'Im Szenario eingegeben.', en: 'Typed into the scenario.' } },
    });
  }
  entries.push(
    { id: 'scenario.arrivalStructure', label: { de: 'Alters- und Geschlechtsstruktur der Zugänge', en: 'Age and sex structure of arrivals' }, value: null, basis: scenario.arrivalStructure.basis },
    entry('scenario.recognitionRate', 'Anerkennungen je Jahr (Anteil der offenen Verfahren)', 'Recognitions per year (share of pending procedures)', scenario.recognitionRate),
    entry('scenario.departureRate.asylumPending', 'Fortzüge je Jahr, Asylverfahren offen', 'Departures per year, asylum pending', scenario.departureRate.asylumPending),
    entry('scenario.departureRate.protectionGranted', 'Fortzüge je Jahr, Schutz gewährt', 'Departures per year, protection granted', scenario.departureRate.protectionGranted),
    entry('scenario.onwardMoveRate', 'Weiterwanderung in andere Gebiete je Jahr', 'Onward moves to other areas per year', scenario.onwardMoveRate),
  );
  const natural = scenario.naturalMovement;
  if (natural) {
    entries.push(
      entry('scenario.fertilityByAge', 'Geburten je Frau und Jahr nach Alter', 'Births per woman and year by age', natural.fertilityByAge),
      entry('scenario.boysShareOfBirths', 'Jungenanteil der Geburten', 'Share of boys among births', natural.boysShareOfBirths),
      entry('scenario.mortalityByAge', 'Sterberate nach Alter', 'Mortality by age', natural.mortalityByAge),
    );
  }
  for (const [group, rates] of [
    ['kita', demandRates.kita],
    ['school', demandRates.school],
  ] as const) {
    for (const rate of rates) {
      entries.push(
        entry(`demand.${group}.${rate.id}.residents`, `${rate.label.de}: Quote Einwohner`, `${rate.label.en}: rate residents`, rate.residents),
        entry(`demand.${group}.${rate.id}.refugees`, `${rate.label.de}: Quote Geflüchtete`, `${rate.label.en}: rate refugees`, rate.refugees),
      );
    }
  }
  const integration = demandRates.integration;
  entries.push(
    entry('demand.integration.eligibleShare.asylumPending', 'Integrationskurs: berechtigt, Asylverfahren offen', 'Integration course: eligible, asylum pending', integration.eligibleShare.asylumPending),
    entry('demand.integration.eligibleShare.protectionGranted', 'Integrationskurs: berechtigt, Schutz gewährt', 'Integration course: eligible, protection granted', integration.eligibleShare.protectionGranted),
    entry('demand.integration.participationRate', 'Integrationskurs: Teilnahme', 'Integration course: participation', integration.participationRate),
    entry('demand.accommodation.asylumPending', 'Unterbringungsbedarf, Asylverfahren offen', 'Accommodation need, asylum pending', demandRates.accommodationNeedShare.asylumPending),
    entry('demand.accommodation.protectionGranted', 'Unterbringungsbedarf, Schutz gewährt', 'Accommodation need, protection granted', demandRates.accommodationNeedShare.protectionGranted),
    entry('demand.staff.asylumPending', 'Betreuungsschlüssel (Personen je Stelle), Asylverfahren offen', 'Care ratio (persons per position), asylum pending', demandRates.staff.asylumPending.personsPerStaff),
    entry('demand.staff.protectionGranted', 'Betreuungsschlüssel (Personen je Stelle), Schutz gewährt', 'Care ratio (persons per position), protection granted', demandRates.staff.protectionGranted.personsPerStaff),
  );
  for (const origin of supplyOrigins) entries.push({ id: `supply.${origin.kind}`, label: origin.label, value: null, basis: origin.basis });
  if (costRates) {
    for (const [kind, rate] of Object.entries(costRates.costPerUnitPerYear)) {
      entries.push(entry(`costs.acting.${kind}`, `Kosten je Platz und Jahr (${kind})`, `Cost per place and year (${kind})`, rate));
    }
    for (const [kind, rate] of Object.entries(costRates.costOfMissingUnitPerYear)) {
      entries.push(entry(`costs.notActing.${kind}`, `Folgekosten je fehlendem Platz und Jahr (${kind})`, `Cost per missing place and year (${kind})`, rate));
    }
  }
  return entries;
}

/**
 * The figures a scenario's results hinge on most, as one line for the projection banner: the inflow and the
 * care ratio of social work (the project's, or the scenario's own: the banner says which was used).
 * @example scenarioKeyFigures(collectAssumptions(scenario, rates), 'de') // "Zugang je 1.000 Einwohner und Jahr: 8,8; Betreuungsschlüssel Sozialarbeit: 1:80 (Asylverfahren offen), 1:100 (Schutz gewährt)"
 */
export function scenarioKeyFigures(assumptions: readonly AssumptionEntry[], locale: 'de' | 'en'): string {
  const byId = new Map(assumptions.map((assumption) => [assumption.id, assumption]));
  const parts: string[] = [];
  const inflow = byId.get('scenario.inflow');
  if (inflow && inflow.value !== null) {
    // As many decimals as the figure has, up to two ("8,8", "4.000", "62,5").
    const values = (Array.isArray(inflow.value) ? inflow.value : [inflow.value]).map((value) => formatNumberUpTo(value, 2, locale));
    parts.push(`${inflow.label[locale]}: ${values.join(' / ')}`);
  }
  const pending = byId.get('demand.staff.asylumPending')?.value;
  const granted = byId.get('demand.staff.protectionGranted')?.value;
  if (typeof pending === 'number' && typeof granted === 'number') {
    const ratio = (value: number) => formatRateValue(value, 'persons', locale);
    parts.push(
      locale === 'de'
        ? `Betreuungsschlüssel Sozialarbeit: ${ratio(pending)} (Asylverfahren offen), ${ratio(granted)} (Schutz gewährt)`
        : `Social work care ratio: ${ratio(pending)} (asylum pending), ${ratio(granted)} (protection granted)`,
    );
  }
  // Supply taken from the project's data instead of facilities: which list the gaps rest on.
  for (const assumption of assumptions) if (assumption.id.startsWith('supply.')) parts.push(`${assumption.label[locale]}: ${assumption.basis.text[locale]}`);
  return parts.join('; ');
}
