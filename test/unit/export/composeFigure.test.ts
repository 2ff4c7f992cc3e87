import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { composeFigure, type FigureInput } from '../../../shared/export/composeFigure';
import { DEFAULT_EXPORT_LAYOUT, resolveExportLayout } from '../../../shared/export/exportLayout';
import { createAreas, createValues, figureDrawing, vg250Source, type FigureDrawingOptions } from './figureFixture';

function input(overrides: Partial<FigureInput> & Pick<FigureDrawingOptions, 'smallNumbers'> = {}): FigureInput {
  const { smallNumbers, ...figure } = overrides;
  const values = figure.values ?? createValues();
  const locale = figure.locale ?? 'de';
  return {
    areas: createAreas(),
    values,
    layerTitle: 'Städte und Gemeinden',
    boundarySource: vg250Source,
    schematicBoundaries: false,
    ...figureDrawing(values, { locale, ...(smallNumbers ? { smallNumbers } : {}) }),
    layout: DEFAULT_EXPORT_LAYOUT,
    locale,
    createdOn: '2025-05-03',
    ...figure,
  };
}

/** The text content of every <text> element, halos removed (they repeat the text). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*fill="(?!none)[^"]*"[^>]*>([^<]*)<\/text>/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
}

describe('composeFigure', () => {
  it('is an SVG page of the preset size in mm with the title and subtitle as text', () => {
    const figure = composeFigure(input());
    expect(figure.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="297mm" height="210mm" viewBox="0 0 297 210">/);
    expect(texts(figure.svg)).toContain('Schutzsuchende je 1.000 Einwohner');
    expect(texts(figure.svg)).toContain('Städte und Gemeinden · Stichtag 31.12.2024');
  });

  it('writes legend labels in German number format, with unit, Stichtag and "keine Daten"', () => {
    const all = texts(composeFigure(input()).svg);
    expect(all).toContain('unter 100,0');
    expect(all).toContain('100,0 und mehr');
    expect(all).toContain('keine Daten');
    expect(all).toContain('je 1.000 Einw. · Stichtag 31.12.2024');
    expect(all).toContain('Gesamt: 20,3 je 1.000 Einw.');
  });

  it('prints the data source with Stichtag, the BKG attribution with licence, and author and date', () => {
    const layout = resolveExportLayout({ author: { text: 'Region Hannover, Team Sozialplanung' } });
    const all = texts(composeFigure(input({ layout })).svg).join('\n');
    expect(all).toContain('Daten: © Statistische Ämter des Bundes und der Länder, 2024 – Zensus 2022, Tabelle 1000A-0000, Stichtag 15.05.2022');
    expect(all).toContain('Geometrie: © GeoBasis-DE / BKG 2021 (Daten verändert)');
    expect(all).toContain('dl-de/by-2-0');
    expect(all).toContain('Darstellung: Region Hannover, Team Sozialplanung');
    expect(all).toContain('Stand: 03.05.2025');
  });

  it('labels schematic boundaries and synthetic data', () => {
    const values = createValues();
    values.sources = [{ ...values.sources[0]!, id: 'demo', name: 'Beispieldaten, synthetisch', attribution: 'Beispieldaten, synthetisch', synthetic: true }];
    const all = texts(composeFigure(input({ values, schematicBoundaries: true, boundarySource: null })).svg).join('\n');
    expect(all).toContain('Schematische Grenzen');
    expect(all).toContain('Beispieldaten, synthetisch');
    expect(all).not.toContain('GeoBasis-DE');
    // Under the title too, so that a figure cut out of a paper still says it: the second line of text.
    expect(texts(composeFigure(input({ values, schematicBoundaries: true, boundarySource: null })).svg)[1]).toMatch(/· Beispieldaten, synthetisch$/);
    expect(texts(composeFigure(input()).svg)[1]).not.toContain('synthetisch');
  });

  it('says for a density where its km² come from, and nothing for other figures', () => {
    const fromGeometry = composeFigure(input({ values: { ...createValues(), areaBasis: 'geometry' } }));
    expect(texts(fromGeometry.svg)).toContain('Fläche aus Geometrie berechnet');
    expect(fromGeometry.elements).toContain('areaNote');
    expect(texts(composeFigure(input({ values: { ...createValues(), areaBasis: 'official' } })).svg)).toContain('Fläche: amtliche Katasterfläche (KFL)');
    const rate = composeFigure(input());
    expect(rate.elements).not.toContain('areaNote');
    expect(texts(rate.svg).join('\n')).not.toContain('Fläche');
  });

  it('suppresses a small number: not classified, hatched, counted in the legend and explained in a footnote', () => {
    const figure = composeFigure(input({ values: createValues({ smallNumberKey: '03241002' }) }));
    expect(figure.suppressedKeys).toEqual(['03241002']);
    // Only Hannover is left to classify: the suppressed value must not shape the classes.
    expect(figure.classification.classOfValue).toEqual([1, null, null]);
    expect(figure.svg).toMatch(/fill="url\(#kr-small-number-hatch\)"[^>]*data-key="03241002"/);
    const all = texts(figure.svg).join('\n');
    expect(all).toContain('Fallzahl unter 3: nicht ausgewiesen*');
    expect(all).toContain('* Fallzahl unter 3: Wert zum Schutz vor Reidentifizierung nicht ausgewiesen');
    expect(figure.elements).toContain('smallNumberFootnote');
  });

  it('flags a small number instead when the view says so: the value keeps its class and gets a hatch', () => {
    const figure = composeFigure(input({ values: createValues({ smallNumberKey: '03241002' }), smallNumbers: 'flag' }));
    expect(figure.classification.classOfValue).toEqual([1, 0, null]);
    expect(figure.svg).toContain('fill="url(#kr-small-number-overlay)"');
    expect(texts(figure.svg).join('\n')).toContain('Fallzahl unter 3: Wert unsicher*');
  });

  it('leaves out switched-off elements', () => {
    const layout = resolveExportLayout({ title: { visible: false }, legend: { visible: false }, scaleBar: { visible: false }, northArrow: { visible: false }, sources: { visible: false }, date: { visible: false }, labels: { visible: false } });
    const figure = composeFigure(input({ layout }));
    expect(figure.elements).toEqual(['map', 'subtitle']);
    expect(figure.svg).not.toContain('id="legend"');
    expect(figure.svg).not.toContain('id="scale-bar"');
    expect(texts(figure.svg)).not.toContain('Schutzsuchende je 1.000 Einwohner');
  });

  it('draws every area inside the map frame (rings rewound for d3, not the globe minus the shape)', () => {
    const figure = composeFigure(input());
    const coordinates = [...figure.svg.matchAll(/<path d="M([\d.]+),([\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(coordinates.length).toBeGreaterThanOrEqual(3);
    for (const [x, y] of coordinates) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(297);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(210);
    }
  });

  it('zooms to a focus area, greys the neighbours and names the area in the title', () => {
    const figure = composeFigure(input({ focusAreaKey: '03241002', layout: resolveExportLayout({ inset: { visible: true } }) }));
    expect(texts(figure.svg)).toContain('Schutzsuchende je 1.000 Einwohner – Barsinghausen');
    expect(figure.svg).toMatch(/fill="#ebebeb"[^>]*data-key="03241001"/);
    expect(figure.elements).toContain('inset');
    expect(figure.svg).toContain('clip-path="url(#kr-map-frame)"');
  });

  it('places the areas inside Germany in the locator inset, Niedersachsen marked, and credits BKG for the outline', () => {
    const figure = composeFigure(input({ focusAreaKey: '03241002', layout: resolveExportLayout({ inset: { visible: true } }) }));
    const inset = /<g id="inset">(.*?)<\/g>/.exec(figure.svg)?.[1] ?? '';
    const laender = [...inset.matchAll(/data-land="(\d\d)" fill="(#[0-9a-f]+)"/g)].map((match) => [match[1], match[2]]);
    expect(laender).toHaveLength(16);
    // Only Niedersachsen (03) holds the areas near Hannover.
    expect(laender.filter(([, fill]) => fill === '#c4c4c4').map(([land]) => land)).toEqual(['03']);
    expect(inset).toMatch(/data-inset-area="03241002" fill="#c8102e"/);
    expect(inset).toMatch(/data-inset-area="03241001" fill="#3c3c3c"/);
    expect(texts(figure.svg)).toContain('Übersichtskarte: © GeoBasis-DE / BKG 2021 (Daten verändert), Lizenz: dl-de/by-2-0');
  });

  it('shows the layer alone in the inset, without the German outline or its credit, for areas outside Germany', () => {
    const areas = createAreas();
    for (const feature of areas.features) {
      const ring = (feature.geometry as { coordinates: number[][][] }).coordinates[0]!;
      for (const position of ring) position[0] = position[0]! - 30; // into the Atlantic
    }
    const figure = composeFigure(input({ areas, layout: resolveExportLayout({ inset: { visible: true } }) }));
    const inset = /<g id="inset">(.*?)<\/g>/.exec(figure.svg)?.[1] ?? '';
    expect(inset).not.toContain('data-land');
    expect((inset.match(/<path /g) ?? []).length).toBe(3);
    expect(texts(figure.svg).join('\n')).not.toContain('Übersichtskarte');
  });

  it('makes a scale bar whose length matches the true ground distance at this latitude', () => {
    const figure = composeFigure(input());
    const bar = /<g id="scale-bar">(.*?)<\/g>/.exec(figure.svg)?.[1] ?? '';
    const segmentWidths = [...bar.matchAll(/<rect x="[^"]*" y="[^"]*" width="([\d.]+)"/g)].map((match) => Number(match[1]));
    const lengthMm = segmentWidths.reduce((sum, width) => sum + width, 0);
    const labels = [...bar.matchAll(/fill="#1a1a1a">([^<]*)</g)].map((match) => match[1]);
    const kilometres = Number((labels[labels.length - 2] ?? '').replace(',', '.'));
    // The three squares span 0.3° of longitude at 52.35° N; measure them on the page.
    const pathStarts = [...figure.svg.matchAll(/<path d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/g)];
    const xs = pathStarts.flatMap((match) => [Number(match[1]), Number(match[3]), Number(match[5])]);
    const pageWidthMm = Math.max(...xs) - Math.min(...xs);
    const groundKm = geoDistance([9.6, 52.35], [9.9, 52.35]) * 6371.0088;
    const kilometresPerMmFromAreas = groundKm / pageWidthMm;
    expect(kilometres / lengthMm).toBeCloseTo(kilometresPerMmFromAreas, 2);
    expect(Math.abs(kilometres / lengthMm / kilometresPerMmFromAreas - 1)).toBeLessThan(0.01);
  });

  it('uses English texts and number format for locale en', () => {
    const all = texts(composeFigure(input({ locale: 'en' })).svg);
    expect(all).toContain('under 100.0');
    expect(all).toContain('no data');
  });
});

describe('the legend of a portrait figure', () => {
  /** The map frame (its clip rectangle) and the legend's box, in mm. */
  function boxes(svg: string): { frame: number[]; legend: number[] } {
    const rect = (text: string) => ['x', 'y', 'width', 'height'].map((name) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(text)?.[1]));
    const frame = /<clipPath id="kr-map-frame">(<rect [^>]*>)/.exec(svg)?.[1] ?? '';
    const legend = /(<rect [^>]*>)<g id="legend">/.exec(svg)?.[1] ?? '';
    return { frame: rect(frame), legend: rect(legend) };
  }
  const portrait = resolveExportLayout({ page: { preset: 'a4-portrait' } });

  it('sits in the map corner where that corner is empty (a row of three municipalities)', () => {
    const { frame, legend } = boxes(composeFigure(input({ layout: portrait })).svg);
    const [, frameY, , frameHeight] = frame as [number, number, number, number];
    const [, legendY, , legendHeight] = legend as [number, number, number, number];
    expect(legendY + legendHeight).toBeLessThanOrEqual(frameY + frameHeight);
  });

  it('goes into a band under the map where the corner would hide areas (a layer filling the page)', () => {
    // 6 × 4 squares of 0.1°: wider than the frame, so the map fills its width and most of its height.
    const features = Array.from({ length: 24 }, (_, index) => {
      const west = 9.4 + (index % 6) * 0.1;
      const south = 52.1 + Math.floor(index / 6) * 0.1;
      const ring = [[west, south], [west + 0.1, south], [west + 0.1, south + 0.1], [west, south + 0.1], [west, south]];
      return { type: 'Feature' as const, properties: { key: `0324100${index}`, name: `Gebiet ${index}` }, geometry: { type: 'Polygon' as const, coordinates: [ring] } };
    });
    const { frame, legend } = boxes(composeFigure(input({ layout: portrait, areas: { type: 'FeatureCollection', features } })).svg);
    const [, frameY, , frameHeight] = frame as [number, number, number, number];
    const [, legendY] = legend as [number, number, number, number];
    expect(legendY).toBeGreaterThanOrEqual(frameY + frameHeight);
  });
});
