// "Bilanz aller Gebiete": every area's account for one period on one page; a layer with more areas than the
// page holds shows its flagged areas and says where the others stand, never a table running off the page.
import { describe, expect, it } from 'vitest';
import type { AreaCollection } from '../../../shared/export/composeFigure';
import type { Observation } from '../../../shared/model/project';
import { balanceOverviewFigure, type BalanceFigureData } from '../../../shared/movement/balanceFigure';
import { computeStockFlowAccount } from '../../../shared/movement/stockFlowAccount';

function account(areaCount: number, broken: readonly number[]): BalanceFigureData {
  const areas = Array.from({ length: areaCount }, (_, index) => ({ key: `a${String(index).padStart(3, '0')}`, name: `Stadtteil ${index + 1}` }));
  const observation = (areaKey: string, variable: string, period: string, value: number): Observation => ({ areaKey, period, variable, dimensions: {}, value, sourceId: 'melde', quality: 'counted', missing: null });
  const observations = areas.flatMap((area, index) => [
    observation(area.key, 'residents', '2023-12-31', 1000),
    observation(area.key, 'resident_arrivals', '2024-12-31', 100),
    observation(area.key, 'resident_departures', '2024-12-31', 80),
    // A broken area counts 50 more than its movements explain.
    observation(area.key, 'residents', '2024-12-31', broken.includes(index) ? 1070 : 1020),
  ]);
  return {
    ...computeStockFlowAccount({ areas, observations, variables: { stock: 'residents', flows: { inflow: 'resident_arrivals', outflow: 'resident_departures' } } }),
    layerTitle: { de: 'Stadtteile', en: 'Districts' },
    variableNames: { residents: { de: 'Einwohner', en: 'Residents' } },
    sources: [{ id: 'melde', name: 'Melderegister', publisher: 'Stadt', licence: 'intern', retrieved: '2025-01-10', periods: ['2023-12-31', '2024-12-31'] } as unknown as BalanceFigureData['sources'][number]],
    smallNumberThreshold: 3,
  };
}

const context = {
  areas: { type: 'FeatureCollection', features: [] } as unknown as AreaCollection,
  layerTitle: 'Stadtteile',
  boundarySource: null,
  schematicBoundaries: false,
  createdOn: '2026-12-07',
  locale: 'de' as const,
  page: 'a4-landscape' as const,
  author: '',
};

const rowsOf = (svg: string) => {
  const table = svg.slice(svg.indexOf('id="balance-table"'), svg.indexOf('</g>', svg.indexOf('id="balance-table"')));
  return [...table.matchAll(/>(Stadtteil \d+|Region)</g)].map((match) => match[1]);
};

describe('balanceOverviewFigure', () => {
  it('lists every area and the region where the page holds them', () => {
    const figure = balanceOverviewFigure(account(20, [4]), null, context);
    expect(rowsOf(figure.svg)).toEqual([...Array.from({ length: 20 }, (_, index) => `Stadtteil ${index + 1}`), 'Region']);
    expect(figure.svg).toContain('Bilanz aller Gebiete vom 31.12.2023 bis 31.12.2024 · Einwohner');
    expect(figure.svg.match(/class="balance-flagged-row"/g)).toHaveLength(1);
    expect(figure.svg).not.toContain('weitere stehen');
  });

  it('shows only the flagged areas of a layer too large for the page, and says how many more there are', () => {
    const figure = balanceOverviewFigure(account(120, [7, 99]), null, context);
    expect(rowsOf(figure.svg)).toEqual(['Stadtteil 8', 'Stadtteil 100', 'Region']);
    expect(figure.svg).toContain('118 weitere stehen in der Tabelle der Bilanz');
    // The region's remainder is the sum of the two broken areas' (50 each), in its own row.
    const regionRow = figure.svg.slice(figure.svg.lastIndexOf('>Region<'));
    expect(regionRow).toMatch(/^>Region<\/text>(?:<text[^>]*>[^<]*<\/text>){4}<text[^>]*>100<\/text>/);
  });

  it('says how many of the flagged areas it shows when even they do not fit', () => {
    const figure = balanceOverviewFigure(account(120, Array.from({ length: 60 }, (_, index) => index * 2)), null, context);
    const shown = rowsOf(figure.svg).length - 1;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(60);
    expect(figure.svg).toContain(`Gezeigt sind ${shown} der 60 auffälligen Gebiete`);
  });
});
