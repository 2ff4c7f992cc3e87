/**
 * The three ready-made scenarios (niedrig / mittel / hoch) a new project starts with. They differ only in
 * the inflow level; all other rates (births and deaths included) are the presets from presets.ts, so the
 * comparison shows the effect of the inflow alone.
 */
import { formatNumber } from '../format/number';
import type { LocalizedText } from '../model/project';
import { DEFAULT_ARRIVAL_STRUCTURE, DEFAULT_NATURAL_MOVEMENT, DEFAULT_SCENARIO_RATES, INFLOW_PRESETS } from './presets';
import type { InflowLevel, Scenario } from './scenarioModel';

const LEVEL_NAMES: Record<InflowLevel, { id: string; de: string; en: string }> = {
  low: { id: 'niedrig', de: 'Niedriger Zugang', en: 'Low inflow' },
  medium: { id: 'mittel', de: 'Mittlerer Zugang', en: 'Medium inflow' },
  high: { id: 'hoch', de: 'Hoher Zugang', en: 'High inflow' },
};

/**
 * A scenario with the preset inflow of `level` and the preset rates, allocation by population share with
 * carry-over and no credits.
 * @example createPresetScenario('medium', 2024, 5).id // "mittel"
 */
export function createPresetScenario(level: InflowLevel, startYear: number, years: number): Scenario {
  const names = LEVEL_NAMES[level];
  const scenario: Omit<Scenario, 'assumptions'> = {
    id: names.id,
    name: { de: names.de, en: names.en },
    startYear,
    years,
    yearlyInflow: { kind: 'preset', level },
    allocation: { carryOver: true },
    recognitionRate: DEFAULT_SCENARIO_RATES.recognitionRate,
    departureRate: DEFAULT_SCENARIO_RATES.departureRate,
    onwardMoveRate: DEFAULT_SCENARIO_RATES.onwardMoveRate,
    // Copies: a scenario is the project's to change (and the demo's content is frozen), the presets are shared.
    arrivalStructure: JSON.parse(JSON.stringify(DEFAULT_ARRIVAL_STRUCTURE)) as typeof DEFAULT_ARRIVAL_STRUCTURE,
    naturalMovement: JSON.parse(JSON.stringify(DEFAULT_NATURAL_MOVEMENT)) as typeof DEFAULT_NATURAL_MOVEMENT,
  };
  return { ...scenario, assumptions: generatedAssumptions(scenario) };
}

/**
 * The assumptions text Kleinraum writes for a scenario's inflow and allocation; the planner may replace it
 * with their own words.
 * @example generatedAssumptions({ yearlyInflow: { kind: 'typed', arrivalsPerYear: 4000 }, allocation: { carryOver: false } }).de // "Eingegebener Zugang: 4.000 Personen je Jahr. Verteilung …"
 */
export function generatedAssumptions(scenario: Pick<Scenario, 'yearlyInflow' | 'allocation'>): LocalizedText {
  const inflow = scenario.yearlyInflow;
  const typed = (locale: 'de' | 'en') =>
    inflow.kind === 'typed' ? (Array.isArray(inflow.arrivalsPerYear) ? inflow.arrivalsPerYear : [inflow.arrivalsPerYear]).map((value) => formatNumber(value, 0, locale)).join(' / ') : '';
  const inflowText: LocalizedText =
    inflow.kind === 'preset'
      ? // The preset's own text names its level ("Niedrig: 1,7 Zugänge …"); the scenario's name before it said it twice.
        INFLOW_PRESETS[inflow.level].basis.text
      : { de: `Eingegebener Zugang: ${typed('de')} Personen je Jahr.`, en: `Typed inflow: ${typed('en')} persons per year.` };
  const carryOver = scenario.allocation.carryOver;
  return {
    de: `${inflowText.de} Verteilung nach Einwohneranteil ${carryOver ? 'mit' : 'ohne'} Verrechnung; übrige Quoten, Geburten und Sterbefälle sind vereinfachte Voreinstellungen (Annahmen).`,
    en: `${inflowText.en} Allocation by population share ${carryOver ? 'with' : 'without'} carry-over; other rates, births and deaths are simplified presets (assumptions).`,
  };
}

/**
 * The assumptions text after an edit from `before` to `after`: Kleinraum's own text follows a changed inflow
 * or allocation (a copy of "Niedriger Zugang" switched to high inflow said "Niedrig: 1,7 …" above the high
 * figures), and what follows it (the demo's note on its synthetic supply) stays. A text the
 * planner rewrote, or one edited in this very change, stays as it is.
 */
export function assumptionsAfterEdit(before: Scenario, after: Scenario): LocalizedText {
  const unchangedHere = after.assumptions.de === before.assumptions.de && after.assumptions.en === before.assumptions.en;
  if (!unchangedHere) return after.assumptions;
  const was = generatedAssumptions(before);
  const now = generatedAssumptions(after);
  if (!before.assumptions.de.startsWith(was.de) || !before.assumptions.en.startsWith(was.en)) return after.assumptions;
  return { de: now.de + before.assumptions.de.slice(was.de.length), en: now.en + before.assumptions.en.slice(was.en.length) };
}

/** The three preset scenarios, low to high. */
export function createPresetScenarios(startYear: number, years: number): Scenario[] {
  return (['low', 'medium', 'high'] as const).map((level) => createPresetScenario(level, startYear, years));
}
