/**
 * Width, height and margin of a custom page, in mm. The fields keep what the planner types (German "297,5"
 * too) and hand a size to the layout only when it is a number in the allowed range, so a half-typed value
 * never reaches the backend; out of range the field says so.
 */
import { useState } from 'react';
import { useT } from '../AppContext';

const LIMITS = { widthMm: [50, 2000], heightMm: [50, 2000], marginMm: [0, 60] } as const;
type Dimension = keyof typeof LIMITS;

function parseMillimetres(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

function MillimetreField({ dimension, value, onChange }: { dimension: Dimension; value: number; onChange: (value: number) => void }) {
  const t = useT();
  const [text, setText] = useState(() => String(value).replace('.', ','));
  const [min, max] = LIMITS[dimension];
  const parsed = parseMillimetres(text);
  const valid = parsed !== null && parsed >= min && parsed <= max;
  return (
    <label className="export-mm">
      {t(`export.page.${dimension}`)}
      <input
        inputMode="decimal"
        value={text}
        aria-invalid={!valid}
        onChange={(event) => {
          setText(event.target.value);
          const next = parseMillimetres(event.target.value);
          if (next !== null && next >= min && next <= max) onChange(next);
        }}
        data-testid={`export-${dimension === 'widthMm' ? 'width' : dimension === 'heightMm' ? 'height' : 'margin'}-mm`}
      />
      {!valid && <span className="export-field-error">{t('export.page.range', { min, max })}</span>}
    </label>
  );
}

export interface PageSize {
  widthMm: number;
  heightMm: number;
  marginMm: number;
}

/** The three fields; `custom` shows width and height, every page shows the margin. */
export function PageSizeFields({ page, custom, onChange }: { page: PageSize; custom: boolean; onChange: (page: PageSize) => void }) {
  return (
    <div className="export-page-size">
      {custom && <MillimetreField dimension="widthMm" value={page.widthMm} onChange={(widthMm) => onChange({ ...page, widthMm })} />}
      {custom && <MillimetreField dimension="heightMm" value={page.heightMm} onChange={(heightMm) => onChange({ ...page, heightMm })} />}
      <MillimetreField dimension="marginMm" value={page.marginMm} onChange={(marginMm) => onChange({ ...page, marginMm })} />
    </div>
  );
}
