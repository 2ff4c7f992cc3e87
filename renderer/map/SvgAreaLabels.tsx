/**
 * The areas' names in a small SVG map (svgAreaMap.ts), with a white halo so they read on every class colour,
 * and leader lines to names set beside small areas. They let clicks through to the areas below.
 */
import { SVG_LABEL_FONT_FAMILY, SVG_LABEL_FONT_SIZE, type SvgAreaLabel } from './svgAreaMap';

export function SvgAreaLabels({ labels, testId }: { labels: readonly SvgAreaLabel[]; testId: string }) {
  return (
    <g className="svg-area-labels" data-testid={testId} pointerEvents="none">
      {labels.map((label) =>
        label.leader && label.end ? <line key={`${label.key}-leader`} x1={label.end.x} y1={label.end.y} x2={label.leader.x} y2={label.leader.y} stroke="#111827" strokeWidth={0.6} /> : null,
      )}
      {labels.map((label) => (
        <text
          key={label.key}
          x={label.x}
          y={label.y}
          fontSize={SVG_LABEL_FONT_SIZE * label.scale}
          fontFamily={SVG_LABEL_FONT_FAMILY}
          fontWeight={600}
          fill="#111827"
          stroke="#ffffff"
          strokeWidth={2}
          strokeLinejoin="round"
          paintOrder="stroke"
          textAnchor="middle"
          dominantBaseline="central"
          data-key={label.key}
        >
          {label.name}
        </text>
      ))}
    </g>
  );
}
