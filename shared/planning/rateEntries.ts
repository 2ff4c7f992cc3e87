/**
 * All demand and cost rates as one flat list, so that one editor shows and edits every rate together with
 * its source or assumption text (the "editable in one place"). Each entry has a stable id (a path
 * into DemandRates or CostRates), a label, a unit telling the editor how to show the value, and the
 * documented value itself. `withRateEntry` writes one edited entry back without touching the others.
 */
import type { LocalizedText } from '../model/project';
import { INFRASTRUCTURE_KINDS, type CostRates, type DemandRates, type DocumentedValue, type InfrastructureKind } from './scenarioModel';
import { formatNumberUpTo } from '../format/number';

/** share: a fraction 0..1 shown in percent; persons: persons per staff position; euros: euros per year. */
export type RateUnit = 'share' | 'persons' | 'euros';

export interface RateEntry {
  /** Path of the value, e.g. "demand.kita.under-3.refugees" or "costs.costPerUnitPerYear.staff". */
  id: string;
  /** Heading of the group the entry belongs to (KiTa, Schule, Integrationskurs, …). */
  group: LocalizedText;
  label: LocalizedText;
  unit: RateUnit;
  documented: DocumentedValue;
}

export interface PlanningRates {
  demand: DemandRates;
  costs: CostRates;
}

const STATUS_LABELS = {
  asylumPending: { de: 'Asylsuchende', en: 'asylum seekers' },
  protectionGranted: { de: 'Schutzberechtigte', en: 'persons with protection' },
} as const;

const KIND_LABELS: Record<InfrastructureKind, LocalizedText> = {
  kita: { de: 'KiTa-Platz', en: 'KiTa place' },
  school: { de: 'Schulplatz', en: 'school place' },
  integration: { de: 'Integrationskursplatz', en: 'integration-course place' },
  accommodation: { de: 'Unterbringungsplatz', en: 'accommodation place' },
  staff: { de: 'Stelle Sozialarbeit', en: 'social-work position' },
};

const join = (a: LocalizedText, b: LocalizedText): LocalizedText => ({ de: `${a.de} – ${b.de}`, en: `${a.en} – ${b.en}` });

/**
 * Every rate of the project, in the order the editor shows them.
 * @example rateEntries(rates).find((entry) => entry.id === 'demand.kita.under-3.residents')?.documented.value // 0.36
 */
export function rateEntries(rates: PlanningRates): RateEntry[] {
  const { demand, costs } = rates;
  const entries: RateEntry[] = [];
  const byAge = (field: 'kita' | 'school', group: LocalizedText) => {
    for (const range of demand[field]) {
      entries.push({ id: `demand.${field}.${range.id}.residents`, group, label: join(range.label, { de: 'Einwohner', en: 'residents' }), unit: 'share', documented: range.residents });
      entries.push({ id: `demand.${field}.${range.id}.refugees`, group, label: join(range.label, { de: 'Geflüchtete', en: 'refugees' }), unit: 'share', documented: range.refugees });
    }
  };
  byAge('kita', { de: 'KiTa-Besuchsquoten nach Alter', en: 'KiTa attendance by age' });
  byAge('school', { de: 'Schulbesuch nach Altersgruppe', en: 'School attendance by age group' });
  const integration = { de: `Integrationskurs (${demand.integration.fromAge}–${demand.integration.toAge} Jahre)`, en: `Integration course (${demand.integration.fromAge}–${demand.integration.toAge} years)` };
  for (const status of ['asylumPending', 'protectionGranted'] as const) {
    entries.push({ id: `demand.integration.eligibleShare.${status}`, group: integration, label: join({ de: 'berechtigt', en: 'eligible' }, STATUS_LABELS[status]), unit: 'share', documented: demand.integration.eligibleShare[status] });
  }
  entries.push({ id: 'demand.integration.participationRate', group: integration, label: { de: 'Teilnahme der Berechtigten', en: 'participation of those eligible' }, unit: 'share', documented: demand.integration.participationRate });
  const accommodation = { de: 'Unterbringungsbedarf', en: 'Accommodation need' };
  for (const status of ['asylumPending', 'protectionGranted'] as const) {
    entries.push({ id: `demand.accommodationNeedShare.${status}`, group: accommodation, label: { de: `ohne eigene Wohnung – ${STATUS_LABELS[status].de}`, en: `without own housing – ${STATUS_LABELS[status].en}` }, unit: 'share', documented: demand.accommodationNeedShare[status] });
  }
  const staff = { de: 'Betreuungsschlüssel (Personen je Stelle)', en: 'Care ratio (persons per position)' };
  for (const status of ['asylumPending', 'protectionGranted'] as const) {
    entries.push({ id: `demand.staff.${status}`, group: staff, label: { ...STATUS_LABELS[status] }, unit: 'persons', documented: demand.staff[status].personsPerStaff });
  }
  const acting = { de: 'Kosten des Handelns (€ je Platz bzw. Stelle und Jahr)', en: 'Cost of acting (€ per place or position and year)' };
  const notActing = { de: 'Kosten des Nicht-Handelns (€ je fehlendem Platz bzw. Stelle und Jahr)', en: 'Cost of not acting (€ per missing place or position and year)' };
  for (const kind of INFRASTRUCTURE_KINDS) entries.push({ id: `costs.costPerUnitPerYear.${kind}`, group: acting, label: KIND_LABELS[kind], unit: 'euros', documented: costs.costPerUnitPerYear[kind] });
  for (const kind of INFRASTRUCTURE_KINDS) entries.push({ id: `costs.costOfMissingUnitPerYear.${kind}`, group: notActing, label: KIND_LABELS[kind], unit: 'euros', documented: costs.costOfMissingUnitPerYear[kind] });
  return entries;
}

/**
 * The rates with one entry replaced (a deep copy; the input stays unchanged). Unknown ids are an error of
 * the caller, not of the user, and throw.
 * @example withRateEntry(rates, 'demand.staff.asylumPending', { value: 50, basis }).demand.staff.asylumPending.personsPerStaff.value // 50
 */
export function withRateEntry(rates: PlanningRates, id: string, documented: DocumentedValue): PlanningRates {
  const next = JSON.parse(JSON.stringify(rates)) as PlanningRates;
  const [root, ...rest] = id.split('.');
  const copy: DocumentedValue = { value: documented.value, basis: { kind: documented.basis.kind, text: { ...documented.basis.text } } };
  if (root === 'costs' && rest.length === 2) {
    const [table, kind] = rest as ['costPerUnitPerYear' | 'costOfMissingUnitPerYear', InfrastructureKind];
    if (next.costs[table]?.[kind]) {
      next.costs[table][kind] = copy;
      return next;
    }
  }
  if (root === 'demand') {
    const [field, key, part] = rest;
    if ((field === 'kita' || field === 'school') && (part === 'residents' || part === 'refugees')) {
      const range = next.demand[field].find((candidate) => candidate.id === key);
      if (range) {
        range[part] = copy;
        return next;
      }
    }
    if (field === 'integration' && key === 'eligibleShare' && (part === 'asylumPending' || part === 'protectionGranted')) {
      next.demand.integration.eligibleShare[part] = copy;
      return next;
    }
    if (field === 'integration' && key === 'participationRate' && part === undefined) {
      next.demand.integration.participationRate = copy;
      return next;
    }
    if (field === 'accommodationNeedShare' && (key === 'asylumPending' || key === 'protectionGranted') && part === undefined) {
      next.demand.accommodationNeedShare[key] = copy;
      return next;
    }
    if (field === 'staff' && (key === 'asylumPending' || key === 'protectionGranted') && part === undefined) {
      next.demand.staff[key] = { personsPerStaff: copy };
      return next;
    }
  }
  throw new Error(`Unknown rate entry "${id}"`);
}

const EDITED_PREFIX = { de: 'Im Projekt eingestellt: ', en: 'Set in the project: ' } as const;
const EARLIER = { de: ' Vorher: ', en: ' Before: ' } as const;

/**
 * The value as shown to planners: shares in percent, persons as 1:N, euros with the euro sign.
 * @example formatRateValue(0.36, 'share', 'de') // "36 %"
 */
export function formatRateValue(value: number, unit: RateUnit, locale: 'de' | 'en'): string {
  const number = (figure: number, decimals: number) => formatNumberUpTo(figure, decimals, locale);
  if (unit === 'share') return `${number(value * 100, 1)} %`;
  if (unit === 'persons') return `1:${number(value, 1)}`;
  return locale === 'de' ? `${number(value, 0)} €` : `€${number(value, 0)}`;
}

/**
 * A changed value with an honest basis: a planner's own figure is an assumption of the project, and the earlier
 * text (the source it replaces) is kept after "Vorher:", once, not stacked on repeated edits.
 * @example editedValue({ value: 0.36, basis: source }, 0.4, 'share').basis.text.de // "Im Projekt eingestellt: 40 %. Vorher: 36 % – Destatis …"
 */
export function editedValue(previous: DocumentedValue, value: number, unit: RateUnit): DocumentedValue {
  const text = {} as LocalizedText;
  for (const locale of ['de', 'en'] as const) {
    const old = previous.basis.text[locale];
    const earlier = old.startsWith(EDITED_PREFIX[locale]) && old.includes(EARLIER[locale]) ? old.slice(old.indexOf(EARLIER[locale]) + EARLIER[locale].length) : `${formatRateValue(previous.value, unit, locale)} – ${old}`;
    text[locale] = `${EDITED_PREFIX[locale]}${formatRateValue(value, unit, locale)}.${EARLIER[locale]}${earlier}`;
  }
  return { value, basis: { kind: 'assumption', text } };
}
