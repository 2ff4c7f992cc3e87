import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOUR } from '../../../shared/classification/defaults';
import { paletteColours } from '../../../shared/classification/palettes';
import { CLASSIFICATION_METHODS } from '../../../shared/classification/types';
import { validClassCounts } from '../../../shared/classification/validateOptions';
import { formatNumber } from '../../../shared/format/number';
import { drawIndicator, type DrawableValue } from '../../../shared/mapView/drawIndicator';
import { attributionLinesShown, buildIndicatorLegend } from '../../../shared/mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY, type MapSymbology } from '../../../shared/mapView/mapSymbology';
import { createIndicatorValues, createSource, createValue } from '../renderer/fixtures';

const value = (key: string, number: number | null, smallNumber = false): DrawableValue => ({ key, value: number, smallNumber });
const symbology = (change: Partial<MapSymbology> = {}): MapSymbology => ({ ...DEFAULT_SYMBOLOGY, ...change });

describe('drawIndicator', () => {
  const values = [value('a', 37.4), value('b', 21.4), value('c', 22.3), value('d', 19.8), value('e', 27.8), value('f', 1234.5), value('g', null)];

  it('gives every area with a value the colour of its class and the others the no-data colour', () => {
    const drawn = drawIndicator({ values, regionValue: null, decimals: 1, symbology: symbology(), smallNumbers: 'flag' });
    for (const area of drawn.areas) {
      if (area.shownValue === null) {
        expect(area.classIndex).toBeNull();
        expect(area.colour).toBe(NO_DATA_COLOUR);
      } else {
        expect(area.colour).toBe(drawn.colours[area.classIndex as number]);
      }
    }
    expect(drawn.noDataKeys).toEqual(['g']);
    expect(new Set(drawn.colours).size).toBe(drawn.colours.length);
    expect(drawn.colourByKey.get('f')).toBe(drawn.colours.at(-1));
  });

  it('reverses a sequential palette without changing the classes', () => {
    const normal = drawIndicator({ values, regionValue: null, decimals: 1, symbology: symbology({ method: 'equal', classes: 3, palette: 'Blues' }), smallNumbers: 'flag' });
    const reversed = drawIndicator({ values, regionValue: null, decimals: 1, symbology: symbology({ method: 'equal', classes: 3, palette: 'Blues', reversed: true }), smallNumbers: 'flag' });
    expect(reversed.classByKey).toEqual(normal.classByKey);
    expect(reversed.colours).toEqual([...normal.colours].reverse());
    expect(reversed.colourByKey.get('f')).toBe(paletteColours('Blues', 3)[0]);
  });

  it('colours a diverging palette around the midpoint: classes below and above get different arms', () => {
    const drawn = drawIndicator({ values: [value('a', 10), value('b', 40)], regionValue: 25, decimals: 1, symbology: symbology({ method: 'manual', breaks: [25], palette: 'RdBu', midpoint: 'region' }), smallNumbers: 'flag' });
    const [below, above] = drawn.colours as [string, string];
    const redOf = (hex: string) => Number.parseInt(hex.slice(1, 3), 16);
    const blueOf = (hex: string) => Number.parseInt(hex.slice(5, 7), 16);
    expect(redOf(below)).toBeGreaterThan(blueOf(below));
    expect(blueOf(above)).toBeGreaterThan(redOf(above));
    expect(drawn.midpoint).toBe(25);
  });

  it('centres standard-deviation classes on the same midpoint as the diverging colours (the region by default)', () => {
    const spread = [value('a', 10), value('b', 12), value('c', 20), value('d', 30), value('e', 31)];
    const drawn = drawIndicator({ values: spread, regionValue: 24, decimals: 1, symbology: symbology({ method: 'stddev', classes: 2, palette: 'RdBu' }), smallNumbers: 'flag' });
    expect(drawn.classification.breaks).toContain(24);
    const atMean = drawIndicator({ values: spread, regionValue: 24, decimals: 1, symbology: symbology({ method: 'stddev', classes: 2, palette: 'RdBu', midpoint: 'mean' }), smallNumbers: 'flag' });
    expect(atMean.classification.breaks).toContain(20.6);
  });

  it('turns a diverging palette at the median on request: half the areas on each arm, whatever one large value does', () => {
    const skewed = [value('a', 10), value('b', 12), value('c', 20), value('d', 30), value('e', 31), value('f', 400)];
    const drawn = drawIndicator({ values: skewed, regionValue: 90, decimals: 1, symbology: symbology({ method: 'stddev', classes: 2, palette: 'RdBu', midpoint: 'median' }), smallNumbers: 'flag' });
    expect(drawn.midpoint).toBe(25);
    expect(drawn.classification.breaks).toContain(25);
    expect(drawn.classification.classes.map((entry) => entry.count)).toEqual([3, 3]);
  });

  it('flags small numbers and keeps their class, or withholds them before classifying', () => {
    const small = [value('a', 10), value('b', 20, true), value('c', 30), value('d', 40)];
    const flagged = drawIndicator({ values: small, regionValue: null, decimals: 0, symbology: symbology({ method: 'equal', classes: 2 }), smallNumbers: 'flag' });
    expect(flagged.flaggedKeys).toEqual(['b']);
    expect(flagged.classByKey.get('b')).not.toBeNull();
    const suppressed = drawIndicator({ values: small, regionValue: null, decimals: 0, symbology: symbology({ method: 'equal', classes: 2 }), smallNumbers: 'suppress' });
    expect(suppressed.suppressedKeys).toEqual(['b']);
    expect(suppressed.noDataKeys).toEqual([]);
    expect(suppressed.classByKey.get('b')).toBeNull();
    expect(suppressed.areas[1]?.shownValue).toBeNull();
    // The withheld 20 does not shape the classes: equal intervals of 10, 30, 40.
    expect(suppressed.classification.breaks).toEqual([10, 25, 40]);
  });

  it('withholds the region\'s total beside suppressed small counts where it would give them back, and only then', () => {
    const small = [value('a', 10), value('b', 2, true), value('c', 30), value('d', 40)];
    const draw = (smallNumbers: 'flag' | 'suppress', reveals: boolean) =>
      drawIndicator({ values: small, regionValue: 82, regionRevealsSmallNumbers: reveals, decimals: 0, symbology: symbology({ palette: 'RdBu', midpoint: 'region' }), smallNumbers });
    const suppressed = draw('suppress', true);
    expect(suppressed).toMatchObject({ regionValue: null, regionWithheld: true });
    // A midpoint at the region's total would print it in the legend.
    expect(suppressed.midpoint).not.toBe(82);
    expect(buildIndicatorLegend(suppressed, { indicator: { name: { de: 'Geflüchtete', en: 'Refugees' }, unit: { de: 'Personen', en: 'persons' }, scale: 'absolute' }, period: '2024-12-31', regionValue: 82, sources: [] }, { locale: 'de', smallNumberThreshold: 3 }).regionLine).toBe(
      'Gesamt: nicht ausgewiesen (gäbe eine Fallzahl unter 3 preis)',
    );
    // Shown values (flag) give nothing away that the table does not show, and a total that settles nothing stays.
    expect(draw('flag', true)).toMatchObject({ regionValue: 82, regionWithheld: false, midpoint: 82 });
    expect(draw('suppress', false)).toMatchObject({ regionValue: 82, regionWithheld: false });
  });

  it('takes breaks from every period when classes are fixed, and counts only the shown period', () => {
    const drawn = drawIndicator({ values: [value('a', 1), value('b', 2), value('c', null)], regionValue: null, decimals: 1, symbology: symbology({ method: 'equal', classes: 2, fixedClasses: true }), smallNumbers: 'flag', otherPeriods: [[value('a', 10), value('b', 20)]] });
    expect(drawn.classification.breaks).toEqual([1, 10.5, 20]);
    expect(drawn.classification.classes.map((classInterval) => classInterval.count)).toEqual([2, 0]);
  });

  it('says the demo data label and the words Kleinraum stores for a projection in the legend\'s language, other attributions as they are', () => {
    const drawn = drawIndicator({ values: [value('a', 1), value('b', 2), value('c', 3)], regionValue: null, decimals: 1, symbology: symbology(), smallNumbers: 'flag' });
    const projection = 'Kleinraum (Szenariorechnung), Projektion – Szenario Mittel – auf Beispieldaten, synthetisch';
    const subject = {
      ...createIndicatorValues([]),
      sources: [createSource(), createSource({ id: 'demo', attribution: 'Beispieldaten, synthetisch', synthetic: true }), createSource({ id: 'projection', attribution: projection, synthetic: true })],
    };
    const english = buildIndicatorLegend(drawn, subject, { locale: 'en', smallNumberThreshold: 3 });
    expect(english.sourceLines).toEqual(['© Statistische Ämter des Bundes und der Länder, 2024', 'Sample data, synthetic', 'Kleinraum (scenario calculation), projection – scenario Mittel – on sample data, synthetic']);
    // Said once: the sources already name it, so no separate synthetic line.
    expect(english.syntheticLabel).toBeNull();
    expect(buildIndicatorLegend(drawn, subject, { locale: 'de', smallNumberThreshold: 3 }).sourceLines).toEqual(['© Statistische Ämter des Bundes und der Länder, 2024', 'Beispieldaten, synthetisch', projection]);
  });

  it('says in the legend that a source\'s values are estimated', () => {
    const drawn = drawIndicator({ values: [value('a', 1), value('b', 2)], regionValue: 3, decimals: 0, symbology: symbology({ method: 'equal', classes: 2 }), smallNumbers: 'flag' });
    const subject = { ...createIndicatorValues([]), sources: [createSource({ id: 'kita', name: 'Kita-Schätzung Jugendamt 2025', attribution: '', quality: 'estimated' })] };
    expect(buildIndicatorLegend(drawn, subject, { locale: 'de', smallNumberThreshold: 3 }).sourceLines).toEqual(['Kita-Schätzung Jugendamt 2025 (geschätzt)']);
  });

  it('names a source without attribution (a table the planner named in the import) by its name', () => {
    const drawn = drawIndicator({ values: [value('a', 1), value('b', 2), value('c', 3)], regionValue: null, decimals: 1, symbology: symbology(), smallNumbers: 'flag' });
    const subject = { ...createIndicatorValues([]), sources: [createSource({ id: 'kita', name: 'Kita-Bedarfsplanung 2024', attribution: '' })] };
    expect(buildIndicatorLegend(drawn, subject, { locale: 'de', smallNumberThreshold: 3 }).sourceLines).toEqual(['Kita-Bedarfsplanung 2024']);
  });

  it('prints a source named only by its name once: in the line of chosen sources while it is shown, else as an attribution line', () => {
    const legend = { sourceLines: ['Kita-Bedarfsplanung 2024', '© GeoBasis-DE / BKG 2021 (Daten verändert)'], sourceChoice: 'Quelle: Kita-Plätze: Kita-Bedarfsplanung 2024, sonst Kita-Statistik, Stichtag 01.03.2024' };
    expect(attributionLinesShown(legend, true)).toEqual(['© GeoBasis-DE / BKG 2021 (Daten verändert)']);
    expect(attributionLinesShown(legend, false)).toEqual(legend.sourceLines);
    expect(attributionLinesShown({ ...legend, sourceChoice: null }, true)).toEqual(legend.sourceLines);
  });

  it('attributes BKG data as the licence asks and as the exported figure does, whatever was typed at the import', () => {
    const drawn = drawIndicator({ values: [value('a', 1), value('b', 2), value('c', 3)], regionValue: null, decimals: 1, symbology: symbology(), smallNumbers: 'flag' });
    // A VG5000 file filtered to one Kreis: the wizard proposed the attribution without "(Daten verändert)".
    const subject = { ...createIndicatorValues([]), sources: [createSource({ id: 'vg5000', name: 'BKG VG5000 Gemeinden', attribution: '© GeoBasis-DE / BKG 2021', publisher: 'BKG' })] };
    expect(buildIndicatorLegend(drawn, subject, { locale: 'de', smallNumberThreshold: 3 }).sourceLines).toEqual(['© GeoBasis-DE / BKG 2021 (Daten verändert)']);
    expect(buildIndicatorLegend(drawn, subject, { locale: 'en', smallNumberThreshold: 3 }).sourceLines).toEqual(['© GeoBasis-DE / BKG 2021 (data changed)']);
  });

  it('puts no shown value into a class whose printed bounds exclude it (22,6 is never "bis unter 22,6")', () => {
    // 22.5996 is shown as 22,6; an equal-interval break at 22.6004 would print as 22,6 too.
    const drawn = drawIndicator({ values: [value('a', 18.2), value('b', 22.5996), value('c', 27.0008)], regionValue: null, decimals: 1, symbology: symbology({ method: 'equal', classes: 2 }), smallNumbers: 'flag' });
    const legend = buildIndicatorLegend(drawn, createIndicatorValues([]), { locale: 'de', smallNumberThreshold: 3 });
    expect(drawn.classification.breaks).toEqual([18.2, 22.6, 27]);
    expect(drawn.classByKey.get('b')).toBe(1);
    expect(legend.rows.map((row) => row.label)).toEqual(['18,2 bis unter 22,6', '22,6 bis 27,0']);
  });

  it('for every method, each shown value lies inside its class as the legend prints it', () => {
    const parse = (text: string) => Number(text.replace(/\./g, '').replace(',', '.').replace('\u2212', '-'));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }).map((tenths) => tenths / 1000), { minLength: 3, maxLength: 40 }),
        fc.constantFrom(...CLASSIFICATION_METHODS.filter((method) => method !== 'manual')),
        fc.integer({ min: 0, max: 8 }),
        (numbers, method, classChoice) => {
          const counts = validClassCounts(method);
          const classes = counts[classChoice % counts.length] as number;
          const drawn = drawIndicator({ values: numbers.map((number, index) => value(String(index), number)), regionValue: null, decimals: 1, symbology: symbology({ method, classes }), smallNumbers: 'flag' });
          const legend = buildIndicatorLegend(drawn, createIndicatorValues([]), { locale: 'de', smallNumberThreshold: 3 });
          for (const area of drawn.areas) {
            const row = legend.rows.find((candidate) => candidate.classIndex === area.classIndex);
            if (!row || area.shownValue === null) throw new Error('every value has a class');
            const shown = parse(formatNumber(area.shownValue, 1, 'de'));
            const bounds = [...row.label.matchAll(/[-\u2212]?[\d.]*\d(?:,\d+)?/g)].map((match) => parse(match[0]));
            const label = row.label;
            if (/^(unter|Ausreißer unten)/.test(label)) expect(shown).toBeLessThan(bounds.at(-1) as number);
            else if (/und mehr|über/.test(label)) expect(shown).toBeGreaterThanOrEqual((bounds[0] as number) - (label.includes('über') ? -1e-9 : 0));
            else if (label.includes('bis unter')) {
              expect(shown).toBeGreaterThanOrEqual(bounds[0] as number);
              expect(shown).toBeLessThan(bounds[1] as number);
            } else if (label.includes(' bis ')) {
              expect(shown).toBeGreaterThanOrEqual(bounds[0] as number);
              expect(shown).toBeLessThanOrEqual(bounds[1] as number);
            } else expect(shown).toBe(bounds[0]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says when ties leave fewer classes than asked for, and only for methods that promise the count', () => {
    // Eight of twelve areas share one value: five quantile classes cannot all be distinct.
    const tied = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5].map((number, index) => value(String(index), number));
    const quantiles = drawIndicator({ values: tied, regionValue: null, decimals: 1, symbology: symbology({ method: 'quantile', classes: 5 }), smallNumbers: 'flag' });
    const legend = buildIndicatorLegend(quantiles, createIndicatorValues([]), { locale: 'de', smallNumberThreshold: 3 });
    expect(legend.rows.length).toBeLessThan(5);
    expect(legend.classCountNote).toBe(`${legend.rows.length} statt 5 Klassen: Die Werte lassen keine weiteren verschiedenen Grenzen zu (gleiche oder sehr nahe Werte).`);
    const spread = drawIndicator({ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((number, index) => value(String(index), number)), regionValue: null, decimals: 1, symbology: symbology({ method: 'quantile', classes: 5 }), smallNumbers: 'flag' });
    expect(buildIndicatorLegend(spread, createIndicatorValues([]), { locale: 'de', smallNumberThreshold: 3 }).classCountNote).toBeNull();
    const manual = drawIndicator({ values: tied, regionValue: null, decimals: 1, symbology: symbology({ method: 'manual', breaks: [2, 3] }), smallNumbers: 'flag' });
    expect(buildIndicatorLegend(manual, createIndicatorValues([]), { locale: 'de', smallNumberThreshold: 3 }).classCountNote).toBeNull();
  });

  it('gives two areas shown with the same value the same class', () => {
    const drawn = drawIndicator({ values: [value('a', 10.36), value('b', 10.44), value('c', 5), value('d', 20)], regionValue: null, decimals: 1, symbology: symbology({ method: 'manual', breaks: [10.4] }), smallNumbers: 'flag' });
    expect(drawn.classByKey.get('a')).toBe(drawn.classByKey.get('b'));
  });
});

describe('buildIndicatorLegend', () => {
  const values = createIndicatorValues([createValue('a', 'A', 10), createValue('b', 'B', 20, { smallNumber: true }), createValue('c', 'C', 30), createValue('d', 'D', 40), createValue('e', 'E', null)]);
  const draw = (smallNumbers: 'flag' | 'suppress') =>
    drawIndicator({ values: values.values, regionValue: values.regionValue, decimals: 1, symbology: symbology({ method: 'quantile', classes: 2 }), smallNumbers });

  it('counts add up to the areas, with a no-data row and one wording of the small-number row for map and figure', () => {
    const flagged = buildIndicatorLegend(draw('flag'), values, { locale: 'de', smallNumberThreshold: 5 });
    expect(flagged.rows.reduce((sum, row) => sum + row.count, 0) + (flagged.noData?.count ?? 0)).toBe(5);
    expect(flagged.marks).toEqual([expect.objectContaining({ kind: 'flagged', label: 'Fallzahl unter 5: Wert unsicher', count: 1 })]);
    const suppressed = buildIndicatorLegend(draw('suppress'), values, { locale: 'de', smallNumberThreshold: 5 });
    expect(suppressed.rows.reduce((sum, row) => sum + row.count, 0)).toBe(3);
    expect(suppressed.noData?.count).toBe(1);
    expect(suppressed.marks).toEqual([expect.objectContaining({ kind: 'suppressed', label: 'Fallzahl unter 5: nicht ausgewiesen', count: 1 })]);
  });

  it('formats in English on request, and names the fixed periods', () => {
    const legend = buildIndicatorLegend(draw('flag'), values, { locale: 'en', smallNumberThreshold: 3, fixedAcrossPeriods: { first: '2015-12-31', last: '2024-12-31' } });
    expect(legend.noData?.label).toBe('no data');
    expect(legend.stichtag).toBe('Reference date 31/12/2024');
    expect(legend.fixedClassesNote).toBe('Classes across all reference dates (31/12/2015 – 31/12/2024)');
  });

  it('marks values a lower-ranked source filled in, apart from small numbers, and keeps them in their class', () => {
    const mixed = createIndicatorValues([createValue('a', 'A', 10), createValue('b', 'B', 20, { smallNumber: true, fallback: true }), createValue('c', 'C', 30, { fallback: true }), createValue('d', 'D', 40)]);
    const drawn = drawIndicator({ values: mixed.values, regionValue: mixed.regionValue, decimals: 1, symbology: symbology({ method: 'quantile', classes: 2 }), smallNumbers: 'flag' });
    expect(drawn.areas.map((area) => area.flag)).toEqual([null, 'smallNumber', 'fallbackSource', null]);
    expect(drawn.classByKey.get('c')).toBe(drawn.classByKey.get('d'));
    expect(drawn.flaggedKeys).toEqual(['b', 'c']);
    const legend = buildIndicatorLegend(drawn, mixed, { locale: 'de', smallNumberThreshold: 5 });
    expect(legend.marks).toEqual([
      expect.objectContaining({ kind: 'flagged', count: 1 }),
      expect.objectContaining({ kind: 'fallback', label: 'Aus nachrangiger Quelle (Lücke gefüllt)', count: 1 }),
    ]);
    // The total sums both sources: it says how many areas the second one gives (b too, though marked small).
    expect(legend.regionLine).toMatch(/^Gesamt: .*, darin 2 Gebiete aus nachrangiger Quelle$/);
    expect(buildIndicatorLegend(draw('flag'), values, { locale: 'de', smallNumberThreshold: 3 }).regionLine).not.toContain('nachrangig');
  });

  it('hints at rates for absolute counts only', () => {
    const count = { ...values, indicator: { ...values.indicator, scale: 'absolute' as const, unit: { de: 'Personen', en: 'persons' } } };
    expect(buildIndicatorLegend(draw('flag'), count, { locale: 'de', smallNumberThreshold: 3 }).absoluteHint).toContain('Absolute Zahlen');
    // A quotient imported as such (no unit) is no count either.
    const quotient = { ...values, indicator: { ...values.indicator, scale: 'absolute' as const, unit: { de: '', en: '' } } };
    expect(buildIndicatorLegend(draw('flag'), quotient, { locale: 'de', smallNumberThreshold: 3 }).absoluteHint).toBeNull();
    expect(buildIndicatorLegend(draw('flag'), values, { locale: 'de', smallNumberThreshold: 3 }).absoluteHint).toBeNull();
    // An area in km² is no count that grows with the area: no hint to prefer rates.
    const area = { ...values, indicator: { ...values.indicator, scale: 'absolute' as const, unit: { de: 'km²', en: 'km²' } } };
    expect(buildIndicatorLegend(draw('flag'), area, { locale: 'de', smallNumberThreshold: 3 }).absoluteHint).toBeNull();
  });
});
