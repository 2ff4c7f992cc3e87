import { describe, expect, it } from 'vitest';
import { compareAreaNames } from '../../../shared/format/areaNames';
import { orderPanels } from '../../../shared/profiles/orderPanels';
import { orderedSeriesKeys } from '../../../shared/movement/seriesOrder';

const areas = [
  { key: '03241999', name: '03241999' },
  { key: '03241009', name: 'Laatzen' },
  { key: '03241998', name: '' },
  { key: '03241007', name: 'Hemmingen' },
  { key: '03241008', name: 'Isernhagen' },
];

describe('compareAreaNames', () => {
  it('sorts names in German collation, and areas named only by their key last in both directions, among themselves by key in the same direction', () => {
    expect([...areas].sort((a, b) => compareAreaNames(a, b, 'de')).map((area) => area.key)).toEqual(['03241007', '03241008', '03241009', '03241998', '03241999']);
    expect([...areas].sort((a, b) => compareAreaNames(a, b, 'de', -1)).map((area) => area.key)).toEqual(['03241009', '03241008', '03241007', '03241999', '03241998']);
  });

  it('turns a layer without any names round when the order turns (VG250 without a name field)', () => {
    const keysOnly = ['01001000', '01002000', '16077052'].map((key) => ({ key, name: key }));
    expect([...keysOnly].sort((a, b) => compareAreaNames(a, b, 'de', -1)).map((area) => area.key)).toEqual(['16077052', '01002000', '01001000']);
  });

  it('orders profile panels and time-series panels by the same rule', () => {
    const profiles = areas.map((area) => ({ ...area, indicators: {} })) as unknown as Parameters<typeof orderPanels>[0];
    const panels = orderPanels(profiles, { sortBy: 'name', descending: false, filter: '' })[0]!.areas.map((area) => area.key);
    const series = orderedSeriesKeys(
      areas.map((area) => ({ ...area, values: [] })),
      'name',
      'de',
    );
    expect(panels).toEqual(['03241007', '03241008', '03241009', '03241998', '03241999']);
    expect(series).toEqual(panels);
  });
});
