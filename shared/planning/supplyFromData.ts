/**
 * Supply taken from the project's data instead of facilities (see SupplyFromData in facilities.ts): which
 * indicators can stand for supply, and the aggregation with one kind replaced by their figures. Pure; the
 * Node side (planning/scenarioRunner.ts) reads the settings and the figures and calls these.
 */
import type { AreaKey, IndicatorDefinition, LocalizedText } from '../model/project';
import { SUPPLY_KIND_OF_FACILITY, type Facility } from './facilities';
import type { NullableFigures } from './gap';
import { PROJECTED_VARIABLES } from './projectedResults';
import type { InfrastructureKind } from './scenarioModel';
import type { SupplyAggregation } from './supplyAggregation';

/**
 * Whether a unit counts places or positions (Plätze, Kita-Plätze, Stellen, Betten, VZÄ), what supply is
 * made of, rather than persons: such indicators are offered first, others with a warning.
 * @example countsPlacesOrPositions('Kita-Plätze') // true
 * @example countsPlacesOrPositions('Kinder') // false
 */
export function countsPlacesOrPositions(unit: string): boolean {
  return /pl(ä|ae)tze|stellen|betten|vzä|fte|places|positions|beds/i.test(unit);
}

const PROJECTED_RESULT_VARIABLES: readonly string[] = Object.values(PROJECTED_VARIABLES);

/**
 * Why an indicator cannot stand for supply, or null when it can: it must count something per area (places,
 * positions), and it must not be a stored projection (a projected demand as supply would make the gap
 * circular, and storing the results again would rewrite what the supply came from).
 */
export function notSupplyReason(indicator: Pick<IndicatorDefinition, 'name' | 'scale' | 'denominator' | 'numerator'> | undefined, indicatorId: string): LocalizedText | null {
  if (!indicator) {
    return {
      de: `Die Kennzahl „${indicatorId}“ gibt es im Projekt nicht (mehr). Bitte eine Kennzahl aus der Liste oder „Einrichtungen und Stellen“ wählen.`,
      en: `The project has no (longer any) indicator "${indicatorId}". Please choose one from the list, or "Facilities and positions".`,
    };
  }
  if (indicator.scale !== 'absolute' || indicator.denominator) {
    return {
      de: `„${indicator.name.de}“ ist ein Anteil oder eine Rate, keine Zahl von Plätzen. Bitte eine Kennzahl mit absoluten Werten je Gebiet wählen.`,
      en: `"${indicator.name.en}" is a share or rate, not a number of places. Please choose an indicator of absolute figures per area.`,
    };
  }
  if (PROJECTED_RESULT_VARIABLES.includes(indicator.numerator.variable)) {
    return {
      de: `„${indicator.name.de}“ ist ein gespeichertes Ergebnis einer Projektion, kein vorhandenes Angebot. Bitte eine Kennzahl aus erhobenen Daten wählen (z. B. der Kita-Statistik).`,
      en: `"${indicator.name.en}" is a stored projection result, not existing supply. Please choose an indicator of collected data (e.g. the day-care statistics).`,
    };
  }
  return null;
}

/**
 * The aggregation with one kind's supply replaced by figures per area from the project's data (see
 * SupplyFromData). The two are never added: the same places would count twice when a planner has both the
 * Kita statistics and some KiTas as points. An area without a figure has unknown supply (null), not 0.
 * Facilities of that kind keep their area in `areaOfFacility` (the table lists them) but count for nothing;
 * none of them is reported unassigned, since none is missing from the supply.
 * @example withSupplyFromData(aggregateSupply(areas, facilities, staff), 'kita', new Map([['03241001', 41_000]])).supplyByArea.get('03241001')?.kita // 41000
 */
export function withSupplyFromData(aggregation: SupplyAggregation, kind: InfrastructureKind, figures: ReadonlyMap<AreaKey, number | null>, facilities: readonly Facility[]): SupplyAggregation {
  const supplyByArea = new Map<AreaKey, NullableFigures>();
  for (const [key, supply] of aggregation.supplyByArea) supplyByArea.set(key, { ...supply, [kind]: figures.get(key) ?? null });
  const ofKind = new Set(facilities.filter((facility) => SUPPLY_KIND_OF_FACILITY[facility.kind] === kind).map((facility) => facility.id));
  return { supplyByArea, areaOfFacility: aggregation.areaOfFacility, unassigned: aggregation.unassigned.filter((id) => !ofKind.has(id)) };
}
