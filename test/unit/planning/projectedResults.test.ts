import { describe, expect, it } from 'vitest';
import { sourceLines } from '../../../shared/export/sourceLines';
import { computeIndicatorValues } from '../../../shared/indicators/computeIndicatorValues';
import { DEFAULT_COST_RATES } from '../../../shared/planning/presets';
import { projectedResultContent } from '../../../shared/planning/projectedResults';
import { runScenario } from '../../../shared/planning/runScenario';
import { toScenarioReport } from '../../../shared/planning/scenarioReport';
import { createStock, createTestDemandRates, createTestScenario } from './fixtures';

function reportOf(id: string, arrivalsPerYear: number) {
  const result = runScenario({
    scenario: createTestScenario({ id, years: 2, yearlyInflow: { kind: 'typed', arrivalsPerYear } }),
    demandRates: createTestDemandRates(),
    costRates: DEFAULT_COST_RATES,
    areas: [
      { key: 'A', name: 'A', stock: createStock([{ status: 'resident', sex: 'f', age: 30, persons: 100 }]), supply: { accommodation: 10 } },
      { key: 'B', name: 'B', stock: createStock([{ status: 'resident', sex: 'm', age: 40, persons: 300 }]), supply: { accommodation: 40, staff: 0.5 } },
    ],
  });
  return toScenarioReport(result);
}

describe('projectedResultContent', () => {
  it('turns every area, year and kind into a projected observation; unknown supply stays missing', () => {
    const report = reportOf('eins', 40);
    const content = projectedResultContent(report, { basedOnSyntheticData: false });
    expect(content.observations).toHaveLength(2 * report.years.length * 17);
    expect(new Set(content.observations.map((observation) => observation.quality))).toEqual(new Set(['projected']));
    expect(new Set(content.observations.map((observation) => observation.period))).toEqual(new Set(report.years.map((year) => `${year}-12-31`)));
    const kitaGapOfA = content.observations.find((observation) => observation.variable === 'projected_gap' && observation.areaKey === 'A' && observation.dimensions.kind === 'kita')!;
    expect(kitaGapOfA.value).toBeNull();
    expect(kitaGapOfA.missing).toBe('.');
    const accommodationGap = content.observations.find((observation) => observation.variable === 'projected_gap' && observation.areaKey === 'B' && observation.dimensions.kind === 'accommodation' && observation.period === `${report.years[0]}-12-31`)!;
    expect(accommodationGap.value).toBe(report.areas[1]!.years[0]!.gap.accommodation);
    expect(content.source.notes).toMatch(/^Projektion – Szenario .*; Annahmen: /);
    expect(content.source.synthetic).toBe(false);
    expect(projectedResultContent(report, { basedOnSyntheticData: true }).source.synthetic).toBe(true);
  });

  it('is named once in a figure data line, with no Stichtag of its own (the figure names the year it shows)', () => {
    // The line read "Projektion – Szenario X – Projektion, Szenario „X“ (Kleinraum), Stichtag 31.12.2024"
    // under a figure of 31.12.2025.
    const { source } = projectedResultContent(reportOf('eins', 40), { basedOnSyntheticData: false });
    const [line] = sourceLines({ dataSources: [source], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' });
    expect(line).toBe(`Daten: Kleinraum (Szenariorechnung), ${source.name}`);
    // The legend prints attributions: it names the scenario too.
    expect(source.attribution).toContain(source.name);
  });

  it('gives indicators that pick one scenario and one kind, so two stored scenarios never add up', () => {
    const first = projectedResultContent(reportOf('eins', 40), { basedOnSyntheticData: false });
    const second = projectedResultContent(reportOf('zwei', 400), { basedOnSyntheticData: false });
    const indicator = first.indicators.find((candidate) => candidate.id === 'projected_demand_accommodation__eins')!;
    expect(indicator.scale).toBe('absolute');
    const period = first.observations[0]!.period;
    const areas = [{ key: 'A', name: 'A', areaKm2: 1 }, { key: 'B', name: 'B', areaKm2: 1 }];
    const { values } = computeIndicatorValues({ indicator, areas, observations: [...first.observations, ...second.observations], period, smallNumberThreshold: 0 });
    const expected = reportOf('eins', 40).areas.map((area) => area.years[0]!.demand.accommodation);
    expect(values.map((value) => value.value)).toEqual(expected);
  });
});
