// The figure's font must be named so that every SVG reader accepts it: browsers (and the export dialog's
// preview) drop a font-family that is not valid CSS and then set the text in another font, wider than the
// layout measured, so legend labels run into their counts.
import { describe, expect, it } from 'vitest';
import { composeFigure } from '../../../shared/export/composeFigure';
import { DEFAULT_EXPORT_LAYOUT } from '../../../shared/export/exportLayout';
import { svgText } from '../../../shared/export/svgElements';
import { createAreas, createValues, figureDrawing, vg250Source } from './figureFixture';

/** A CSS font-family list is valid when each family is quoted or made of identifiers (no word starting with a digit). */
function isValidCssFontFamilyList(value: string): boolean {
  return value.split(',').every((family) => {
    const name = family.trim();
    if (/^'[^']+'$|^"[^"]+"$/.test(name)) return true;
    return name.split(/\s+/).every((word) => /^-?[A-Za-z_][A-Za-z0-9_-]*$/.test(word));
  });
}

describe('figure font attribute', () => {
  it('recognises the unquoted name as invalid CSS (the check can fail)', () => {
    expect(isValidCssFontFamilyList('Source Sans 3')).toBe(false);
    expect(isValidCssFontFamilyList("'Source Sans 3', sans-serif")).toBe(true);
  });

  it('every text of a composed figure names Source Sans 3 in valid CSS', () => {
    const figure = composeFigure({
      areas: createAreas(),
      values: createValues(),
      layerTitle: 'Städte und Gemeinden',
      boundarySource: vg250Source,
      schematicBoundaries: false,
      ...figureDrawing(createValues()),
      layout: DEFAULT_EXPORT_LAYOUT,
      locale: 'de',
      createdOn: '2025-05-03',
    });
    const families = [...figure.svg.matchAll(/font-family="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(families.length).toBeGreaterThan(5);
    for (const family of new Set(families)) {
      expect(isValidCssFontFamilyList(family), family).toBe(true);
      expect(family).toContain("'Source Sans 3'");
    }
    expect(svgText(0, 0, 'x', { size: 3 })).toContain(`font-family="'Source Sans 3', sans-serif"`);
  });
});
