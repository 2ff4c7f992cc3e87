import { describe, expect, it } from 'vitest';
import { aggregateProfiles } from '../../../shared/profiles/aggregateProfiles';
import { groupByIndicatorClasses } from '../../../shared/profiles/panelGrouping';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { observationsAsChosen } from '../../../shared/sources/sourceChoice';

describe('grouping the panels by the classes of a key indicator (demo, 21 municipalities)', () => {
  const demo = createDemoProject();
  const layer = demo.layers[0]!;
  const set = aggregateProfiles({
    layer: layer.info.name, areas: layer.areas, observations: observationsAsChosen(demo), period: '2024-12-31',
    dimensions: demo.dimensions, sources: demo.sources, smallNumberThreshold: 3,
  });
  const indicator = set.indicators.find((candidate) => candidate.id === 'refugeesPer1000')!;

  it('puts every area with a value into the group whose bounds contain it, lowest values in group 1', () => {
    const grouping = groupByIndicatorClasses(set, indicator.id)!;
    expect(grouping).not.toBeNull();
    for (const area of set.areas) {
      const value = area.indicators[indicator.id] ?? null;
      if (value === null) {
        expect(grouping.groupOf[area.key]).toBeUndefined();
        continue;
      }
      const group = grouping.groupOf[area.key]!;
      const others = set.areas.filter((other) => other.indicators[indicator.id] != null && grouping.groupOf[other.key]! < group);
      for (const lower of others) expect(lower.indicators[indicator.id]!).toBeLessThanOrEqual(value);
    }
    expect(grouping.groups.map((group) => group.title.de)).toEqual(['Niedrig', 'Mittel', 'Hoch']);
    // Quantile thirds of 21 values: 7 areas each.
    const sizes = [1, 2, 3].map((number) => Object.values(grouping.groupOf).filter((group) => group === number).length);
    expect(sizes).toEqual([7, 7, 7]);
    expect(grouping.groups[0]!.description.de).toContain(indicator.label.de);
  });

  it('gives no grouping for an unknown indicator', () => {
    expect(groupByIndicatorClasses(set, 'no-such-indicator')).toBeNull();
  });
});
