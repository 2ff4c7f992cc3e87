import { describe, expect, it } from 'vitest';
import { flowGeometry, flowWidth } from '../../../shared/movement/flowGeometry';
import { parseFlowTable, readFlowGrid } from '../../../shared/movement/flowTable';

const areas = [
  { key: '03241001', name: 'Hannover' },
  { key: '03241002', name: 'Barsinghausen' },
];
const grid = (text: string) => readFlowGrid(new TextEncoder().encode(text));

describe('reading origin–destination tables', () => {
  it('reads the long layout with dimensions, German numbers, names, lost leading zeros and categories', () => {
    const result = parseFlowTable(grid('Von;Nach;Stichtag;Anzahl;Geschlecht\n3241001;Barsinghausen;31.12.2023;1.234;m\nAusland;03241002;2023;-;f\n03241002;Mond;2023;4;f\n'), areas, {});
    expect(result.layout).toBe('long');
    expect(result.records).toEqual([
      { from: '03241001', to: '03241002', period: '2023-12-31', value: 1234, dimensions: { geschlecht: 'm' } },
      { from: 'ext:ausland', to: '03241002', period: '2023-12-31', value: 0, dimensions: { geschlecht: 'f' } },
    ]);
    expect(result.unmatched).toEqual([expect.objectContaining({ line: 4, to: 'Mond', reason: 'unknown-to' })]);
  });

  it('reads a matrix with a period given, lists empty and withheld cells, and refuses one without a period', () => {
    const text = 'von\\nach;03241001;03241002;übriges Bundesgebiet\n03241001;5;7;x\n03241002;;3;2\n';
    const result = parseFlowTable(grid(text), areas, { period: '2024' });
    expect(result.layout).toBe('matrix');
    expect(result.records.map((record) => [record.from, record.to, record.value])).toEqual([
      ['03241001', '03241001', 5],
      ['03241001', '03241002', 7],
      ['03241002', '03241002', 3],
      ['03241002', 'ext:bund', 2],
    ]);
    expect(result.unmatched.map((row) => [row.line, row.reason])).toEqual([[2, 'withheld'], [3, 'no-count']]);
    expect(() => parseFlowTable(grid(text), areas, {})).toThrow(/period|Stichtag/);
  });

  it('takes a period as ISO or German date or as a year, and refuses days that do not exist', () => {
    const text = 'von\\nach;03241001\n03241002;5\n';
    expect(parseFlowTable(grid(text), areas, { period: '31.12.2024' }).records[0]?.period).toBe('2024-12-31');
    expect(parseFlowTable(grid(text), areas, { period: '2024-06-30' }).records[0]?.period).toBe('2024-06-30');
    expect(() => parseFlowTable(grid(text), areas, { period: '2024-06-31' })).toThrow(/kein Stichtag|not a date/);
    expect(() => parseFlowTable(grid(text), areas, { period: '31.06.2024' })).toThrow(/kein Stichtag|not a date/);
    const long = parseFlowTable(grid('Von;Nach;Stichtag;Anzahl\n03241001;03241002;31.02.2023;4\n03241002;03241001;28.02.2023;5\n'), areas, {});
    expect(long.records.map((record) => record.period)).toEqual(['2023-02-28']);
  });
});

describe('flow map geometry', () => {
  const ends = [
    { key: 'a', name: { de: 'A', en: 'A' }, external: false, position: [9.7, 52.4] as [number, number] },
    { key: 'b', name: { de: 'B', en: 'B' }, external: false, position: [9.9, 52.5] as [number, number] },
    { key: 'ext:ausland', name: { de: 'Ausland', en: 'Abroad' }, external: true, position: [9.2, 52.1] as [number, number] },
  ];

  it('draws one curved line and one arrowhead per flow, wider for larger counts, and the two directions apart', () => {
    const flows = [
      { from: 'a', to: 'b', value: 100, suppressed: false, external: false },
      { from: 'b', to: 'a', value: 25, suppressed: false, external: false },
      { from: 'ext:ausland', to: 'a', value: null, suppressed: true, external: true },
    ];
    const geometry = flowGeometry({ flows, ends, locale: 'en' }, 0.001);
    expect(geometry.lines.features).toHaveLength(3);
    expect(geometry.arrows.features).toHaveLength(3);
    const widths = geometry.lines.features.map((feature) => feature.properties.width);
    expect(widths[0]).toBeGreaterThan(widths[1] as number);
    expect(widths[2]).toBe(flowWidth(null, 100, 1.5, 14));
    // The midpoints of a → b and b → a lie on different sides of the chord.
    const middle = (index: number) => geometry.lines.features[index]!.geometry.coordinates[12]!;
    expect(Math.hypot(middle(0)[0]! - middle(1)[0]!, middle(0)[1]! - middle(1)[1]!)).toBeGreaterThan(0.02);
    expect(geometry.stubs.features.map((feature) => feature.properties.name)).toEqual(['Abroad']);
  });
});
