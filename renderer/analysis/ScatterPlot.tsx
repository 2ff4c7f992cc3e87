/**
 * A scatter plot linked to the map (GeoDa's linked views): each point is an area; clicking a point selects
 * it, dragging a rectangle brushes every point inside into the store's selection, and the selected and
 * brushed areas are marked here as on the maps. Draws the regression line and, for the Moran scatter
 * plot, the axes through 0 that split the four quadrants (HH, LH, LL, HL).
 */
import { useRef, useState, type PointerEvent } from 'react';
import { formatNumber } from '../../shared/format/number';
import { niceTicks } from '../../shared/analysis/niceTicks';
import { useApp, useKleinraum, useLocale } from '../AppContext';

const WIDTH = 440;
const HEIGHT = 330;
const PLOT = { left: 46, top: 12, right: 12, bottom: 40 };

export interface ScatterPoint {
  key: string;
  name: string;
  x: number;
  y: number;
  colour: string;
}

export interface ScatterPlotProps {
  points: readonly ScatterPoint[];
  fit: { slope: number | null; intercept: number | null };
  xLabel: string;
  yLabel: string;
  zeroLines: boolean;
  /** One scale on both axes (x and y measure the same thing, e.g. two sources): a 1:1 line then runs corner to corner. */
  sameScale?: boolean;
  testId: string;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function range(values: readonly number[], includeZero: boolean): [number, number] {
  const low = Math.min(...values, ...(includeZero ? [0] : []));
  const high = Math.max(...values, ...(includeZero ? [0] : []));
  const span = high - low || Math.abs(high) || 1;
  return [low - span * 0.06, high + span * 0.06];
}

export function ScatterPlot({ points, fit, xLabel, yLabel, zeroLines, sameScale = false, testId }: ScatterPlotProps) {
  const { store } = useApp();
  const locale = useLocale();
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const brushedKeys = useKleinraum((state) => state.brushedKeys);
  const svgRef = useRef<SVGSVGElement>(null);
  const [brush, setBrush] = useState<Box | null>(null);
  if (points.length === 0) return null;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const [xMin, xMax] = range(sameScale ? [...xs, ...ys] : xs, zeroLines);
  const [yMin, yMax] = sameScale ? [xMin, xMax] : range(ys, zeroLines);
  const decimals = (ticks: number[]) => Math.max(0, ...ticks.map((tick) => (String(tick).split('.')[1] ?? '').length));
  const xTicks = niceTicks(xMin, xMax);
  const yTicks = niceTicks(yMin, yMax);
  const yTickTexts = yTicks.map((tick) => formatNumber(tick, decimals(yTicks), locale));
  // Room for the widest y tick label (about 6.5 px a character) and the rotated axis title beside it.
  const plotLeft = Math.max(PLOT.left, 26 + Math.max(0, ...yTickTexts.map((text) => text.length)) * 6.5);
  const width = WIDTH - plotLeft - PLOT.right;
  const height = HEIGHT - PLOT.top - PLOT.bottom;
  const px = (value: number) => plotLeft + ((value - xMin) / (xMax - xMin)) * width;
  const py = (value: number) => PLOT.top + height - ((value - yMin) / (yMax - yMin)) * height;
  const brushed = new Set(brushedKeys);

  const toSvg = (event: PointerEvent<SVGSVGElement>): { x: number; y: number } => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if ((event.target as Element).tagName === 'circle') return;
    const start = toSvg(event);
    event.currentTarget.setPointerCapture(event.pointerId);
    setBrush({ x0: start.x, y0: start.y, x1: start.x, y1: start.y });
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!brush) return;
    const here = toSvg(event);
    setBrush({ ...brush, x1: here.x, y1: here.y });
  };
  const onPointerUp = () => {
    if (!brush) return;
    const left = Math.min(brush.x0, brush.x1);
    const right = Math.max(brush.x0, brush.x1);
    const top = Math.min(brush.y0, brush.y1);
    const bottom = Math.max(brush.y0, brush.y1);
    setBrush(null);
    // A click on the background (no drag) clears nothing: Esc clears the selection everywhere.
    if (right - left < 3 && bottom - top < 3) return;
    const inside = points.filter((point) => px(point.x) >= left && px(point.x) <= right && py(point.y) >= top && py(point.y) <= bottom).map((point) => point.key);
    store.getState().brushAreas(inside);
  };
  const ordered = [...points].sort((a, b) => Number(a.key === selectedKey || brushed.has(a.key)) - Number(b.key === selectedKey || brushed.has(b.key)));
  return (
    <svg
      ref={svgRef}
      className="analysis-scatter"
      data-testid={testId}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${yLabel} / ${xLabel}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
    >
      <rect x={plotLeft} y={PLOT.top} width={width} height={height} fill="#ffffff" stroke="#b8bfc9" />
      {xTicks.map((tick) => (
        <g key={`x${tick}`}>
          <line x1={px(tick)} x2={px(tick)} y1={PLOT.top} y2={PLOT.top + height} stroke="#eef0f3" />
          <text x={px(tick)} y={PLOT.top + height + 14} textAnchor="middle" className="tick">
            {formatNumber(tick, decimals(xTicks), locale)}
          </text>
        </g>
      ))}
      {yTicks.map((tick, index) => (
        <g key={`y${tick}`}>
          <line x1={plotLeft} x2={plotLeft + width} y1={py(tick)} y2={py(tick)} stroke="#eef0f3" />
          <text x={plotLeft - 5} y={py(tick) + 4} textAnchor="end" className="tick">
            {yTickTexts[index]}
          </text>
        </g>
      ))}
      {zeroLines && (
        <>
          <line x1={px(0)} x2={px(0)} y1={PLOT.top} y2={PLOT.top + height} stroke="#6b7280" strokeDasharray="4 3" />
          <line x1={plotLeft} x2={plotLeft + width} y1={py(0)} y2={py(0)} stroke="#6b7280" strokeDasharray="4 3" />
        </>
      )}
      {fit.slope !== null && fit.intercept !== null && (
        <line
          data-testid={`${testId}-regression`}
          x1={px(xMin)}
          y1={py(fit.intercept + fit.slope * xMin)}
          x2={px(xMax)}
          y2={py(fit.intercept + fit.slope * xMax)}
          stroke="#111827"
          strokeWidth={1.6}
          clipPath={`url(#${testId}-clip)`}
        />
      )}
      <clipPath id={`${testId}-clip`}>
        <rect x={plotLeft} y={PLOT.top} width={width} height={height} />
      </clipPath>
      {ordered.map((point) => {
        const marked = point.key === selectedKey ? 'selected' : brushed.has(point.key) ? 'brushed' : undefined;
        return (
          <circle
            key={point.key}
            cx={px(point.x)}
            cy={py(point.y)}
            r={marked ? 6 : 4.5}
            fill={point.colour}
            stroke={marked ? '#111827' : '#4b5563'}
            strokeWidth={marked ? 2.2 : 0.7}
            data-key={point.key}
            data-marked={marked}
            onClick={() => store.getState().selectArea(point.key)}
          >
            <title>{point.name}</title>
          </circle>
        );
      })}
      {brush && <rect className="brush" x={Math.min(brush.x0, brush.x1)} y={Math.min(brush.y0, brush.y1)} width={Math.abs(brush.x1 - brush.x0)} height={Math.abs(brush.y1 - brush.y0)} />}
      <text x={plotLeft + width / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
        {fitted(xLabel, WIDTH - 12)}
        <title>{xLabel}</title>
      </text>
      <text x={12} y={PLOT.top + height / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 12 ${PLOT.top + height / 2})`}>
        {fitted(yLabel, height + PLOT.top)}
        <title>{yLabel}</title>
      </text>
    </svg>
  );
}

// Average advance of the 11 px axis font per character, generous so a shortened title never overruns.
const AXIS_CHARACTER_PX = 6.2;

/**
 * An axis title shortened with "…" to `room` px; the whole title stays in its tooltip. Titles naming two
 * sources ("B: Statistik der Asylbewerberleistungen (AsylbLG), Schutzsuchende") were cut off at the edge.
 * @example fitted('Statistik der Asylbewerberleistungen', 120) // "Statistik der Asyl…"
 */
function fitted(title: string, room: number): string {
  const characters = Math.floor(room / AXIS_CHARACTER_PX);
  return title.length <= characters ? title : `${title.slice(0, Math.max(1, characters - 1)).trimEnd()}…`;
}
