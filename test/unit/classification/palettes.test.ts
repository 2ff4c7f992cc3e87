import { describe, expect, it } from 'vitest';
import { divergingAround, interpolateHex, maximumClassesOf, PALETTES, paletteColours } from '../../../shared/classification/palettes';

describe('palettes', () => {
  it('offers every palette for 3 to 9 classes (8 where ColorBrewer stops), with German and English names', () => {
    for (const palette of PALETTES) {
      expect(palette.name.de.length).toBeGreaterThan(0);
      expect(palette.name.en.length).toBeGreaterThan(0);
      expect(maximumClassesOf(palette)).toBeGreaterThanOrEqual(palette.kind === 'qualitative' ? 8 : 9);
      for (let count = 3; count <= 9; count++) {
        const colours = paletteColours(palette.id, count);
        expect(colours).toHaveLength(Math.min(count, maximumClassesOf(palette)));
        expect(new Set(colours).size).toBe(colours.length);
        for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });

  it('has the sequential, diverging and qualitative schemes the planners asked for', () => {
    const ids = new Set(PALETTES.map((palette) => palette.id));
    for (const id of ['Blues', 'Greens', 'Oranges', 'Reds', 'Purples', 'YlOrRd', 'YlGnBu', 'BuPu', 'OrRd', 'PuBuGn', 'RdBu', 'BrBG', 'PiYG', 'PuOr', 'RdYlBu', 'Spectral', 'Set2', 'Dark2', 'Paired', 'Tableau10', 'viridis', 'print-grey']) {
      expect(ids.has(id)).toBe(true);
    }
  });

  it('returns ColorBrewer colours verbatim and reverses on request', () => {
    expect(paletteColours('Blues', 3)).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
    expect(paletteColours('Blues', 3, { reversed: true })).toEqual(['#3182bd', '#9ecae1', '#deebf7']);
  });

  it('serves 1 and 2 classes from the 3-class scheme and unknown ids from Blues', () => {
    expect(paletteColours('Blues', 2)).toEqual(['#deebf7', '#3182bd']);
    expect(paletteColours('Blues', 1)).toEqual(['#9ecae1']);
    expect(paletteColours('no-such-palette', 3)).toEqual(paletteColours('Blues', 3));
  });

  it('makes the print grey ramp darker with every class', () => {
    const lightness = paletteColours('print-grey', 9).map((colour) => Number.parseInt(colour.slice(1, 3), 16));
    for (let index = 1; index < lightness.length; index++) expect(lightness[index] as number).toBeLessThan(lightness[index - 1] as number);
  });

  it('interpolates between hex colours', () => {
    expect(interpolateHex(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(interpolateHex(['#000000', '#ffffff'], 1)).toBe('#ffffff');
  });
});

describe('divergingAround', () => {
  const classes = (bounds: number[]) => bounds.slice(1).map((to, index) => ({ from: bounds[index] as number, to }));

  it('gives a balanced split the full scheme of that size', () => {
    expect(divergingAround(classes([0, 1, 2, 3, 4]), 2, 'RdBu')).toEqual(paletteColours('RdBu', 4));
  });

  it('gives a class that straddles the midpoint the neutral centre colour', () => {
    const colours = divergingAround(classes([0, 1, 2, 3, 4, 5]), 2.5, 'RdBu');
    expect(colours).toEqual(paletteColours('RdBu', 5));
    expect(colours[2]).toBe('#f7f7f7');
  });

  it('gives a class that is just the midpoint (no change anywhere) the neutral centre, not a strong colour', () => {
    expect(divergingAround([{ from: 0, to: 0 }], 0, 'RdBu')).toEqual(['#f7f7f7']);
    // A class below that ends at the midpoint stays on the lower (red) arm.
    expect(divergingAround([{ from: -2, to: 0 }, { from: 0, to: 2 }], 0, 'RdBu')).toEqual(['#67001f', '#053061']);
  });

  it('gives the short arm of a lopsided split the light colours next to the centre', () => {
    // 3 classes below 3, 1 above: RdBu with 6 colours, left arm all three, right arm only the lightest blue.
    const six = paletteColours('RdBu', 6);
    expect(divergingAround(classes([0, 1, 2, 3, 4]), 3, 'RdBu')).toEqual([six[0], six[1], six[2], six[3]]);
  });

  it('interpolates when one arm has more classes than the largest scheme', () => {
    const colours = divergingAround(classes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 100, 'RdBu');
    expect(colours).toHaveLength(9);
    expect(new Set(colours).size).toBe(9);
  });

  it('swaps the arms when reversed, keeping the class order', () => {
    expect(divergingAround(classes([0, 1, 2]), 1, 'RdBu', { reversed: true })).toEqual([...divergingAround(classes([0, 1, 2]), 1, 'RdBu')].reverse());
  });
});
