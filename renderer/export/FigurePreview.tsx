/**
 * The live preview: the very SVG the export writes, drawn inline (not as an <img>) so its text uses the
 * shipped Source Sans 3 declared by @font-face in export.css — an SVG shown as an image may load no fonts
 * and would fall back to the system serif, with other line widths than the PDF. It lives in a shadow root
 * so the figure's ids (#legend, #map, pattern ids) can neither clash with the app's nor be styled by it.
 * The SVG comes from our own backend, which escapes every user text; scripts never run (CSP, innerHTML).
 */
import { useEffect, useRef } from 'react';

const PREVIEW_STYLE =
  ':host { display: block; width: 100%; }' +
  ' svg { display: block; width: 100%; height: auto; max-height: 64vh; background: #fff; box-shadow: 0 2px 10px rgba(15, 23, 42, 0.25); }' +
  // Chromium otherwise lays out small SVG text with hinted, pixel-rounded advances: at preview size a
  // legend label grows into its count. Unhinted metrics are the ones the layout measured (and resvg uses).
  ' text { text-rendering: geometricPrecision; }';

/**
 * A constructed stylesheet, not a <style> element: the content security policy allows no inline styles
 * (style-src 'self'), and stylesheets built through the CSSOM are not inline markup.
 */
let previewSheet: CSSStyleSheet | null = null;
function previewStyleSheet(): CSSStyleSheet {
  if (!previewSheet) {
    previewSheet = new CSSStyleSheet();
    previewSheet.replaceSync(PREVIEW_STYLE);
  }
  return previewSheet;
}

export function FigurePreview({ svg, label, testId }: { svg: string; label: string; testId: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [previewStyleSheet()];
    root.innerHTML = svg;
  }, [svg]);
  return <div ref={hostRef} className="export-preview-figure" role="img" aria-label={label} data-testid={testId} />;
}
