import { describe, expect, it } from 'vitest';
import { checkColourVision, ciede2000, simulateDeficiency, srgbToLab } from '../../../shared/classification/colourVision';
import { paletteColours } from '../../../shared/classification/palettes';

describe('CIEDE2000', () => {
  // Test pairs 1, 7, 17 and 25 of Sharma, Wu & Dalal (2005), Table 1.
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ] as const)('matches the published difference for %j vs %j', (first, second, expected) => {
    expect(ciede2000([...first], [...second])).toBeCloseTo(expected, 4);
  });

  it('converts white and black to CIELAB', () => {
    const white = srgbToLab([255, 255, 255]);
    expect(white[0]).toBeCloseTo(100, 3);
    expect(Math.abs(white[1])).toBeLessThan(0.01);
    expect(srgbToLab([0, 0, 0])[0]).toBeCloseTo(0, 6);
  });

  it('leaves greys unchanged under every simulated deficiency', () => {
    for (const deficiency of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      const [red, green, blue] = simulateDeficiency([128, 128, 128], deficiency);
      expect(Math.abs(red - 128)).toBeLessThan(1);
      expect(Math.abs(green - 128)).toBeLessThan(1);
      expect(Math.abs(blue - 128)).toBeLessThan(1);
    }
  });
});

describe('checkColourVision', () => {
  it('flags an orange/green neighbour pair under deuteranopia', () => {
    const warnings = checkColourVision(['#fc8d59', '#91cf60']);
    expect(warnings.some((warning) => warning.deficiency === 'deuteranopia' && warning.classes.join() === '0,1')).toBe(true);
    expect(warnings[0]?.message.de).toContain('Klassen 1 und 2');
  });

  it('flags the mirror classes of the red/green diverging RdYlGn scheme', () => {
    const warnings = checkColourVision(paletteColours('RdYlGn', 5), { diverging: true });
    expect(warnings.some((warning) => warning.deficiency === 'deuteranopia' && warning.classes.join() === '1,3')).toBe(true);
  });

  it.each([3, 4, 5, 6, 7, 8, 9])('passes Viridis with %i classes', (classCount) => {
    expect(checkColourVision(paletteColours('viridis', classCount))).toEqual([]);
  });

  it.each([5, 7, 9])('passes the single-hue Blues and the colour-blind safe RdBu with %i classes', (classCount) => {
    expect(checkColourVision(paletteColours('Blues', classCount))).toEqual([]);
    expect(checkColourVision(paletteColours('RdBu', classCount), { diverging: true })).toEqual([]);
  });
});
