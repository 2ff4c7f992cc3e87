/**
 * The small elements on the map: scale bar (km, true for the map's latitude), north arrow (turned by the
 * grid convergence) and the locator inset. Each is drawn into a box whose size is known up front, so the
 * page layout can stack several in one corner.
 */
import { geoBounds, geoCentroid, geoContains, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import laenderAsset from '../../assets/boundaries/deutschland-laender.geo.json';
import { formatNumber, type Locale } from '../format/number';
import { fitProjection, kilometresPerMm, niceScaleBar, northAngleDegrees, type MapFrame } from './mapProjection';
import { rewindForD3 } from './rewindForD3';
import { escapeXml, mm, svgRect, svgText } from './svgElements';

export interface Box {
  width: number;
  height: number;
}

/**
 * Scale bar: alternating dark and light segments, "0" at the left end, the length with "km" at the right.
 * Returns the SVG for a box with its top-left corner at (x, y), and the box size.
 * @example scaleBar(projection, frame, 1, 'de') // { box: { width: 34, height: 7 }, draw: (x, y) => '<g …' }
 */
export function scaleBar(projection: GeoProjection, frame: MapFrame, scale: number, locale: Locale): { box: Box; kilometres: number; draw: (x: number, y: number) => string } {
  const bar = niceScaleBar(kilometresPerMm(projection, frame), Math.min(frame.width * 0.25, 45 * scale));
  const textSize = 2.5 * scale;
  const barHeight = 1.4 * scale;
  const unitWidth = 6 * scale;
  const box = { width: bar.lengthMm + unitWidth, height: textSize * 1.3 + barHeight + 0.6 * scale };
  const decimals = bar.kilometres < 1 ? 1 : 0;
  const draw = (x: number, y: number): string => {
    const parts = ['<g id="scale-bar">'];
    const barY = y + textSize * 1.3;
    const segmentLength = bar.lengthMm / bar.segments;
    for (let index = 0; index < bar.segments; index++) {
      const fill = index % 2 === 0 ? '#333333' : '#ffffff';
      parts.push(svgRect(x + index * segmentLength, barY, segmentLength, barHeight, `fill="${fill}" stroke="#333333" stroke-width="${mm(0.18 * scale)}"`));
    }
    const labelY = barY - 0.8 * scale;
    parts.push(svgText(x, labelY, '0', { size: textSize, anchor: 'middle', halo: true }));
    if (bar.segments % 2 === 0) parts.push(svgText(x + bar.lengthMm / 2, labelY, formatNumber(bar.kilometres / 2, bar.kilometres / 2 < 1 ? 1 : decimals, locale), { size: textSize, anchor: 'middle', halo: true }));
    parts.push(svgText(x + bar.lengthMm, labelY, formatNumber(bar.kilometres, decimals, locale), { size: textSize, anchor: 'middle', halo: true }));
    parts.push(svgText(x + bar.lengthMm + 2.2 * scale, barY + barHeight, 'km', { size: textSize, halo: true }));
    parts.push('</g>');
    return parts.join('');
  };
  return { box, kilometres: bar.kilometres, draw };
}

/**
 * North arrow: a slim two-tone needle with an "N" above, turned so it points to true north.
 * @example northArrow(projection, frame, 1).draw(20, 40)
 */
export function northArrow(projection: GeoProjection, frame: MapFrame, scale: number): { box: Box; angleDegrees: number; draw: (x: number, y: number) => string } {
  const angleDegrees = northAngleDegrees(projection, frame);
  const box = { width: 7 * scale, height: 13 * scale };
  const draw = (x: number, y: number): string => {
    const centreX = x + box.width / 2;
    const needleTop = y + 4.6 * scale;
    const needleBottom = y + box.height;
    const middle = (needleTop + needleBottom) / 2 + 1.2 * scale;
    const halfWidth = 2.1 * scale;
    const rotation = Math.abs(angleDegrees) >= 0.05 ? ` transform="rotate(${mm(angleDegrees)} ${mm(centreX)} ${mm((needleTop + needleBottom) / 2)})"` : '';
    return [
      `<g id="north-arrow"${rotation}>`,
      `<path d="M${mm(centreX)} ${mm(needleTop)}L${mm(centreX - halfWidth)} ${mm(needleBottom)}L${mm(centreX)} ${mm(middle)}Z" fill="#333333"/>`,
      `<path d="M${mm(centreX)} ${mm(needleTop)}L${mm(centreX + halfWidth)} ${mm(needleBottom)}L${mm(centreX)} ${mm(middle)}Z" fill="#ffffff" stroke="#333333" stroke-width="${mm(0.2 * scale)}" stroke-linejoin="round"/>`,
      svgText(centreX, y + 3.6 * scale, 'N', { size: 3.6 * scale, weight: 'semibold', anchor: 'middle', halo: true }),
      '</g>',
    ].join('');
  };
  return { box, angleDegrees, draw };
}

/** The Länder of Germany (BKG VG5000, simplified, see assets/boundaries), rewound for d3 once. */
const laender: FeatureCollection<Polygon | MultiPolygon, { ags: string; name: string }> = {
  type: 'FeatureCollection',
  features: (laenderAsset as unknown as { features: { properties: { ags: string; name: string }; geometry: Polygon | MultiPolygon }[] }).features.map((entry) => ({
    type: 'Feature',
    properties: entry.properties,
    geometry: rewindForD3(entry.geometry),
  })),
};

/** The attribution line of the Länder outline, for figures that show the inset. */
export const LOCATOR_OUTLINE_ATTRIBUTION = (laenderAsset as unknown as { attribution: string }).attribution;

/**
 * True when the areas lie in Germany (their bounding box inside the Länder's), so the inset places them in
 * the country; data from elsewhere gets the inset of the layer alone. Areas must be rewound for d3.
 * @example insetShowsGermany(regionHannover) // true
 */
export function insetShowsGermany(areas: FeatureCollection<Polygon | MultiPolygon>): boolean {
  const [[west, south], [east, north]] = geoBounds(areas);
  const [[germanyWest, germanySouth], [germanyEast, germanyNorth]] = geoBounds(laender);
  return west >= germanyWest && east <= germanyEast && south >= germanySouth && north <= germanyNorth;
}

/**
 * Locator inset. For areas in Germany: the 16 Länder in light grey, the Land(s) holding the areas a shade
 * darker (Region Hannover: Niedersachsen), the areas in dark grey and the focus area (when there is one) in
 * red, on a white card with a thin frame, so a reader sees where the region lies. Elsewhere: every area
 * of the layer in light grey, the focus area (or every area) dark. Areas must be rewound for d3 (rewindForD3).
 * @example locatorInset(areas, '03241001', 1).draw(240, 150)
 */
export function locatorInset(
  areas: FeatureCollection<Polygon | MultiPolygon, { key: string; name: string }>,
  focusAreaKey: string | null,
  scale: number,
): { box: Box; showsGermany: boolean; draw: (x: number, y: number) => string } {
  const showsGermany = areas.features.length > 0 && insetShowsGermany(areas);
  // Germany is about three quarters as wide as tall; the layer alone keeps the old landscape card.
  const box = showsGermany ? { width: 24 * scale, height: 31 * scale } : { width: 34 * scale, height: 28 * scale };
  const draw = (x: number, y: number): string => {
    const frame = { x, y, width: box.width, height: box.height };
    const projection = fitProjection(showsGermany ? laender : areas, frame, 2 * scale);
    const path = geoPath(projection).digits(2);
    const parts = ['<g id="inset">', svgRect(x, y, box.width, box.height, `fill="#ffffff" fill-opacity="0.92" stroke="#8c8c8c" stroke-width="${mm(0.2 * scale)}"`)];
    if (showsGermany) {
      const holding = new Set(
        areas.features.flatMap((feature) => {
          const centre = geoCentroid(feature as Feature);
          return laender.features.filter((land) => geoContains(land as Feature, centre)).map((land) => land.properties.ags);
        }),
      );
      for (const land of laender.features) {
        const d = path(land as Feature);
        const held = holding.has(land.properties.ags);
        if (d) parts.push(`<path d="${d}" data-land="${land.properties.ags}" fill="${held ? '#c4c4c4' : '#ececec'}" stroke="#9a9a9a" stroke-width="${mm(0.1 * scale)}"/>`);
      }
      for (const feature of areas.features) {
        const isFocus = focusAreaKey !== null && feature.properties.key === focusAreaKey;
        const d = path(feature as Feature);
        if (d) parts.push(`<path d="${d}" data-inset-area="${escapeXml(feature.properties.key)}" fill="${isFocus ? '#c8102e' : '#3c3c3c'}" stroke="none"/>`);
      }
    } else {
      for (const feature of areas.features) {
        const isFocus = focusAreaKey === null || feature.properties.key === focusAreaKey;
        const d = path(feature as Feature);
        if (d) parts.push(`<path d="${d}" fill="${isFocus ? '#5a5a5a' : '#d4d4d4'}" stroke="#ffffff" stroke-width="${mm(0.12 * scale)}"/>`);
      }
    }
    parts.push('</g>');
    return parts.join('');
  };
  return { box, showsGermany, draw };
}
