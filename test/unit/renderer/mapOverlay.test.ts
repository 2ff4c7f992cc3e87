// Profile results on the map: the typology as a qualitative map with the group names in the legend, the
// deviation as a diverging map around its neutral point; and the store slice that holds the overlay.
import { describe, expect, it } from 'vitest';
import { overlayDrawing } from '../../../renderer/map/overlayChoropleth';
import { overlayForLayer, type DeviationOverlay, type TypologyOverlay } from '../../../renderer/store/overlaySlice';
import { createKleinraumStore } from '../../../renderer/store/store';
import { createProject } from './fixtures';

const typology: TypologyOverlay = {
  kind: 'typology',
  layer: 'gemeinden',
  title: 'Typisierung (2)',
  silhouette: null,
  period: '2024-12-31',
  groups: { a: { group: 1, label: 'Typ 1: jung' }, b: { group: 2, label: 'Typ 2: alt' }, c: { group: 1, label: 'Typ 1: jung' } },
};

describe('overlayDrawing', () => {
  it('gives every typology group its own colour and names the groups in the legend, in group order', () => {
    const { drawn: choropleth, legend } = overlayDrawing(typology, ['a', 'b', 'c', 'd'], 'de');
    expect(legend.rows.map((row) => [row.label, row.count])).toEqual([
      ['Typ 1: jung', 2],
      ['Typ 2: alt', 1],
    ]);
    expect(choropleth.colourByKey.get('a')).toBe(choropleth.colourByKey.get('c'));
    expect(choropleth.colourByKey.get('a')).not.toBe(choropleth.colourByKey.get('b'));
    expect(legend.rows[0]?.colour).toBe(choropleth.colourByKey.get('a'));
    // An area the typology left out is "keine Daten", never a group.
    expect(choropleth.noDataKeys).toEqual(['d']);
    expect(legend.noData?.count).toBe(1);
    expect(legend.stichtag).toBe('Stichtag 31.12.2024');
  });

  it('colours an index deviation blue below 100 and red above, whatever the mean', () => {
    const deviation: DeviationOverlay = {
      kind: 'deviation',
      layer: 'gemeinden',
      title: 'Ausländeranteil – Index',
      period: null,
      measure: 'index',
      values: { a: 60, b: 80, c: 95, d: 130, e: 180, f: null },
    };
    const { drawn: choropleth, legend } = overlayDrawing(deviation, ['a', 'b', 'c', 'd', 'e', 'f'], 'de');
    const [red, , blue] = [hexRed, hexGreen, hexBlue].map((channel) => (key: string) => channel(choropleth.colourByKey.get(key) as string));
    expect(blue!('a')).toBeGreaterThan(red!('a'));
    expect(red!('e')).toBeGreaterThan(blue!('e'));
    expect(choropleth.noDataKeys).toEqual(['f']);
    expect(legend.rows.reduce((sum, row) => sum + row.count, 0)).toBe(5);
    expect(legend.unit).toBe('Abweichung als Index (Region = 100)');
  });
});

describe('the map overlay in the store', () => {
  it('is shown only on its layer and dropped when another project is opened', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().showMapOverlay(typology);
    expect(overlayForLayer(store.getState(), 'gemeinden')).toBe(typology);
    expect(overlayForLayer(store.getState(), 'stadtteile')).toBeNull();
    store.getState().projectReceived(createProject({ title: 'Anderes', path: '/daten/anderes.gpkg' }), true);
    expect(store.getState().mapOverlay).toBeNull();
  });

  it('follows a switch of the language: made in both, shown in the one of the moment', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().setLocale('en');
    store.getState().showMapOverlay((locale) => ({ ...typology, title: locale === 'de' ? 'Typisierung (2)' : 'Typology (2)' }));
    expect(overlayForLayer(store.getState(), 'gemeinden')?.title).toBe('Typology (2)');
    store.getState().setLocale('de');
    expect(overlayForLayer(store.getState(), 'gemeinden')?.title).toBe('Typisierung (2)');
  });

  it('"Zurück zur Kennzahl" clears it', () => {
    const store = createKleinraumStore();
    store.getState().showMapOverlay(typology);
    store.getState().showMapOverlay(null);
    expect(store.getState().mapOverlay).toBeNull();
  });
});

function hexRed(hex: string): number {
  return parseInt(hex.slice(1, 3), 16);
}
function hexGreen(hex: string): number {
  return parseInt(hex.slice(3, 5), 16);
}
function hexBlue(hex: string): number {
  return parseInt(hex.slice(5, 7), 16);
}
