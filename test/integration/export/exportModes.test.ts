/**
 * Figures follow the map's "Darstellung als": an index figure names its derived unit in the legend, its
 * classes lie around 100 and take the same colours as `map.classify` gives the map; a change names its
 * compare Stichtag; classes fixed across periods match the map's and say so; a series of changes leaves out
 * the first Stichtag (nothing to compare with).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KleinraumApi } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let directory: TempDir;
let api: KleinraumApi;

beforeAll(() => {
  directory = makeTempDir('kleinraum-export-modes-');
  api = createKleinraumApi({ dataDir: directory.file('data'), host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
});
afterAll(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

/** The legend group of a figure's SVG. */
function legendOf(svg: string): string {
  const legend = /<g id="legend">[\s\S]*?<\/g>/.exec(svg)?.[0];
  if (!legend) throw new Error('figure has no legend');
  return legend;
}

/** The legend's texts in drawing order (XML entities of the labels are plain here). */
function legendTexts(svg: string): string[] {
  return [...legendOf(svg).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] as string);
}

/** The class swatches' colours (hex fills; the no-data grey and hatches are left out by the caller). */
function swatchFills(svg: string): string[] {
  return [...legendOf(svg).matchAll(/<rect[^>]*fill="(#[0-9a-f]{6})"/g)].map((match) => match[1] as string);
}

/** "60,1 bis unter 68,3" → [60.1, 68.3] (German numbers). */
function classBounds(label: string): number[] {
  return [...label.matchAll(/-?[\d.]+,\d+|-?\d+/g)].map((match) => Number(match[0].replace(/\./g, '').replace(',', '.')));
}

describe('figures in the map’s derived modes', () => {
  it('shows an index with the derived unit, classes around 100 and the map’s diverging colours', async () => {
    const view = { indicatorId: 'refugees_per_1000', derivation: { mode: 'index' as const }, symbology: { method: 'quantile' as const, classes: 5, palette: 'RdBu' } };
    const figure = await api['export.map']({ view, format: 'svg' });
    const svg = Buffer.from(figure.base64 ?? '', 'base64').toString('utf8');
    const texts = legendTexts(svg);
    expect(texts[0]).toBe('Schutzsuchende je 1.000 Einwohner (Index)');
    expect(texts[1]).toBe('Index (Region = 100) · Stichtag 31.12.2024');
    expect(texts).toContain('Gesamt: 100,0 Index (Region = 100)');

    const classLabels = texts.filter((text) => text.includes('bis'));
    expect(classLabels).toHaveLength(5);
    const bounds = classLabels.flatMap(classBounds);
    expect(Math.min(...bounds)).toBeLessThan(100);
    expect(Math.max(...bounds)).toBeGreaterThan(100);
    // An index of a rate between the municipalities stays within a few times the region's value.
    for (const bound of bounds) {
      expect(bound).toBeGreaterThan(20);
      expect(bound).toBeLessThan(300);
    }

    const map = await api['map.classify']({ view: { ...view, layer: 'gemeinden' } });
    expect(swatchFills(svg).slice(0, 5)).toEqual(map.classes.map((classInterval) => classInterval.color));
  });

  it('turns the diverging colours at a chosen midpoint, not at 100', async () => {
    const base = { indicatorId: 'refugees_per_1000', derivation: { mode: 'index' as const }, symbology: { method: 'quantile' as const, classes: 5, palette: 'RdBu' } };
    const atHundred = await api['export.preview']({ view: base });
    const atThousand = await api['export.preview']({ view: { ...base, symbology: { ...base.symbology, midpoint: 'value', midpointValue: 1000 } } });
    expect(swatchFills(atThousand.svg).slice(0, 5)).not.toEqual(swatchFills(atHundred.svg).slice(0, 5));
  });

  it('names the compare Stichtag of a change in subtitle and legend', async () => {
    const preview = await api['export.preview']({ view: { indicatorId: 'foreign_share', derivation: { mode: 'change', comparePeriod: '2019-12-31' } } });
    expect(preview.svg).toContain('Stichtag 31.12.2024 gegenüber 31.12.2019');
    expect(legendTexts(preview.svg)[0]).toContain('Veränderung');
  });

  it('takes classes fixed across periods from every Stichtag, as the map does, and says so', async () => {
    const view = { indicatorId: 'foreign_share', period: '2016-12-31', symbology: { method: 'equal' as const, classes: 4, fixedClasses: true } };
    const preview = await api['export.preview']({ view });
    const texts = legendTexts(preview.svg);
    expect(texts).toContain('Klassen über alle Stichtage (31.12.2015 – 31.12.2024)');
    const map = await api['map.classify']({ view: { ...view, layer: 'gemeinden' } });
    const labels = texts.filter((text) => text.includes('bis'));
    expect(classBounds(labels[0] as string)[0]).toBeCloseTo(map.breaks[0] as number, 1);
    expect(classBounds(labels.at(-1) as string).at(-1)).toBeCloseTo(map.breaks.at(-1) as number, 1);
    const unfixed = await api['export.preview']({ view: { ...view, symbology: { ...view.symbology, fixedClasses: false } } });
    expect(legendTexts(unfixed.svg).filter((text) => text.includes('bis'))).not.toEqual(labels);
  });

  it('leaves the first Stichtag out of a series of changes', async () => {
    const result = await api['export.batch']({ view: { indicatorId: 'foreign_share', derivation: { mode: 'change' } }, by: 'periods', format: 'svg' });
    expect(result.files.some((file) => file.fileName.includes('2015-12-31'))).toBe(false);
    expect(result.files).toHaveLength(9);
  });

  it('runs a series over the Stichtage the view can be computed for: with the bed count, only 31.12.2018', async () => {
    // The bed count is dated the year's last Monday; only 31.12.2018 (a Monday) meets the register's 31.12.
    const result = await api['export.batch']({ view: { indicatorId: 'refugees_per_1000', sources: ['demo-bettenzaehlung'] }, by: 'periods', format: 'svg' });
    expect(result.files.map((file) => file.fileName)).toEqual([expect.stringContaining('2018-12-31')]);
  });

  it('refuses a compare period the indicator lacks, with a user error', async () => {
    const result = await dispatch(api, 'export.preview', { view: { indicatorId: 'foreign_share', derivation: { mode: 'change', comparePeriod: '1999-12-31' } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.de).toContain('Für den Vergleichsstichtag 31.12.1999 gibt es keine Werte');
  });
});
