import { describe, expect, it } from 'vitest';
import { collectAssumptions, scenarioKeyFigures } from '../../../shared/planning/assumptions';
import { assumptionsAfterEdit, createPresetScenario, generatedAssumptions } from '../../../shared/planning/presetScenarios';
import { DEFAULT_DEMAND_RATES } from '../../../shared/planning/presets';
import type { Scenario } from '../../../shared/planning/scenarioModel';

describe('the assumptions text of a scenario', () => {
  const low = createPresetScenario('low', 2024, 5);

  it('follows an edit of the inflow while it is the text Kleinraum wrote', () => {
    // A copy of "Niedriger Zugang" switched to high inflow kept saying "Niedrig: 1,7 …".
    const high: Scenario = { ...low, yearlyInflow: { kind: 'preset', level: 'high' } };
    const text = assumptionsAfterEdit(low, high);
    expect(text.de).toMatch(/^Hoch: 8,8 Zugänge je 1\.000 Einwohner/);
    expect(text.en).toMatch(/^High: 8\.8 arrivals/);
    const typed: Scenario = { ...low, yearlyInflow: { kind: 'typed', arrivalsPerYear: 4000 }, allocation: { carryOver: false } };
    expect(assumptionsAfterEdit(low, typed).de).toMatch(/^Eingegebener Zugang: 4\.000 Personen je Jahr\. Verteilung nach Einwohneranteil ohne Verrechnung;/);
  });

  it('keeps what follows the text Kleinraum wrote (the demo note on its synthetic supply)', () => {
    const demo: Scenario = { ...low, assumptions: { de: `${low.assumptions.de} Angebot: Beispieldaten.`, en: `${low.assumptions.en} Supply: sample data.` } };
    const text = assumptionsAfterEdit(demo, { ...demo, yearlyInflow: { kind: 'preset', level: 'medium' } });
    expect(text.de).toMatch(/^Mittel: 3,9 .* Angebot: Beispieldaten\.$/);
    expect(text.en).toMatch(/^Medium: .* Supply: sample data\.$/);
  });

  it('keeps a text the planner wrote, and one typed in the same edit', () => {
    const own: Scenario = { ...low, assumptions: { de: 'Eigene Begründung', en: 'Own reasoning' } };
    expect(assumptionsAfterEdit(own, { ...own, yearlyInflow: { kind: 'preset', level: 'high' } })).toEqual(own.assumptions);
    expect(assumptionsAfterEdit(low, own)).toEqual(own.assumptions);
  });

  it('is the preset scenarios own text for a preset', () => {
    expect(low.assumptions).toEqual(generatedAssumptions(low));
  });
});

describe('the key figures of the projection banner', () => {
  it('name the inflow and the care ratio the results rest on', () => {
    const high = createPresetScenario('high', 2024, 5);
    const rates = { ...DEFAULT_DEMAND_RATES, staff: { ...DEFAULT_DEMAND_RATES.staff, asylumPending: { ...DEFAULT_DEMAND_RATES.staff.asylumPending, personsPerStaff: { ...DEFAULT_DEMAND_RATES.staff.asylumPending.personsPerStaff, value: 50 } } } };
    const line = scenarioKeyFigures(collectAssumptions(high, rates), 'de');
    expect(line).toMatch(/^Zugang je 1\.000 Einwohner und Jahr: 8,8; Betreuungsschlüssel Sozialarbeit: 1:50 \(Asylverfahren offen\), 1:\d+ \(Schutz gewährt\)$/);
    const typed = scenarioKeyFigures(collectAssumptions({ ...high, yearlyInflow: { kind: 'typed', arrivalsPerYear: 4000 } }, DEFAULT_DEMAND_RATES), 'en');
    expect(typed).toMatch(/^Arrivals per year \(persons\): 4,000; Social work care ratio: 1:\d+ \(asylum pending\)/);
  });
});
