/**
 * The areas' names in a small SVG map (svgAreaMap.ts), with a white halo so they read on every class colour,
 * and leader lines to names set beside small areas. They let clicks through to the areas below.
 */
import '@fontsource/noto-sans/latin-600.css';
import { useEffect, useState } from 'react';
import { SVG_LABEL_FONT, SVG_LABEL_FONT_FAMILY, SVG_LABEL_FONT_SIZE, type SvgAreaLabel } from './svgAreaMap';

/**
 * Whether the labels' font has loaded; changes once when it arrives, so a map laid out with estimated name
 * widths (svgAreaMap) lays its names out again with measured ones.
 */
export function useSvgLabelFont(): boolean {
  const [loaded, setLoaded] = useState(() => document.fonts.check(SVG_LABEL_FONT));
  useEffect(() => {
    if (loaded) return;
    let cancelled = false;
    void document.fonts.load(SVG_LABEL_FONT).then(() => {
      if (!cancelled) setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [loaded]);
  return loaded;
}

export function SvgAreaLabels({ labels, testId }: { labels: readonly SvgAreaLabel[]; testId: string }) {
  return (
    <g className="svg-area-labels" data-testid={testId} pointerEvents="none">
      {labels.map((label) =>
        label.leader && label.end ? (
          <g key={`${label.key}-leader`}>
            <line x1={label.end.x} y1={label.end.y} x2={label.leader.x} y2={label.leader.y} stroke="#111827" strokeWidth={0.6} />
            {/* A hollow ring where the line points, unlike the filled facility dots of the gap maps. */}
            <circle cx={label.leader.x} cy={label.leader.y} r={1.6} fill="#ffffff" stroke="#111827" strokeWidth={0.6} />
          </g>
        ) : null,
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
