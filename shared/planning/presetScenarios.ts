/**
 * The three ready-made scenarios (niedrig / mittel / hoch) a new project starts with. They differ only in
 * the inflow level; all other rates (births and deaths included) are the presets from presets.ts, so the
 * comparison shows the effect of the inflow alone.
 */
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
  const inflow = INFLOW_PRESETS[level];
  return {
    id: names.id,
    name: { de: names.de, en: names.en },
    startYear,
    years,
    yearlyInflow: { kind: 'preset', level },
    allocation: { carryOver: true },
    recognitionRate: DEFAULT_SCENARIO_RATES.recognitionRate,
    departureRate: DEFAULT_SCENARIO_RATES.departureRate,
    onwardMoveRate: DEFAULT_SCENARIO_RATES.onwardMoveRate,
    arrivalStructure: DEFAULT_ARRIVAL_STRUCTURE,
    naturalMovement: DEFAULT_NATURAL_MOVEMENT,
    assumptions: {
      de: `${names.de}: ${inflow.basis.text.de} Verteilung nach Einwohneranteil mit Verrechnung; übrige Quoten, Geburten und Sterbefälle sind vereinfachte Voreinstellungen (Annahmen).`,
      en: `${names.en}: ${inflow.basis.text.en} Allocation by population share with carry-over; other rates, births and deaths are simplified presets (assumptions).`,
    },
  };
}

/** The three preset scenarios, low to high. */
export function createPresetScenarios(startYear: number, years: number): Scenario[] {
  return (['low', 'medium', 'high'] as const).map((level) => createPresetScenario(level, startYear, years));
}
