/**
 * Hover tooltip: area name and value with unit in the UI's number format, or "keine Daten" with the reason,
 * and the reason when the value is flagged (small number or small denominator). It sits below right of the
 * pointer, and moves to its left or above it where the map ends: squeezed against the map's edge it wrapped
 * to a word per line or was cut off.
 */
import { useLayoutEffect, useRef } from 'react';
import { useLocale, useT } from '../AppContext';
import type { IndicatorValue, IndicatorValues } from '../../shared/contract/api';
import { formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';

interface MapTooltipProps {
  value: IndicatorValue;
  indicator: IndicatorValues['indicator'];
  position: { x: number; y: number };
  /** The project's small-number threshold, for the reason shown with a flagged value. */
  smallNumberThreshold?: number;
  /** The project's sources, to name the one a gap-filling value comes from. */
  sources?: readonly { id: string; name: string }[];
  /** The value is withheld (small numbers shown as 'suppress'): the tooltip says so instead of the value. */
  suppressed?: boolean;
}

/** Pixels between the pointer and the tooltip's nearest corner. */
const POINTER_GAP = 14;

export function MapTooltip({ value, indicator, position, smallNumberThreshold = 3, suppressed = false, sources = [] }: MapTooltipProps) {
  const t = useT();
  const locale = useLocale();
  // The backend names the reason for derived values (small count or small denominator); otherwise the
  // small-number rule is the only flag there is.
  const backendReason = (value as { flagReason?: { de: string; en: string } | null }).flagReason;
  const flagReason = backendReason
    ? localized(backendReason, locale)
    : value.smallNumber
      ? `${t('tooltip.smallNumber')} – ${t('map.tooltip.smallNumberReason', { threshold: smallNumberThreshold })}`
      : null;
  // A gap of the chosen source filled by the next one in the ranking: say which, the legend marks it too.
  const fallbackSource = value.fallback && value.value !== null ? (sources.find((source) => source.id === value.sourceId)?.name ?? value.sourceId ?? '') : null;
  const boxRef = useRef<HTMLDivElement>(null);
  // Placed before the browser paints, from the tooltip's own size and the map's (its offset parent).
  useLayoutEffect(() => {
    const box = boxRef.current;
    const area = box?.offsetParent as HTMLElement | null | undefined;
    if (!box || !area) return;
    const fitsRight = position.x + POINTER_GAP + box.offsetWidth <= area.clientWidth;
    const fitsBelow = position.y + POINTER_GAP + box.offsetHeight <= area.clientHeight;
    box.style.left = `${fitsRight ? position.x + POINTER_GAP : Math.max(0, position.x - POINTER_GAP - box.offsetWidth)}px`;
    box.style.top = `${fitsBelow ? position.y + POINTER_GAP : Math.max(0, position.y - POINTER_GAP - box.offsetHeight)}px`;
  });
  return (
    <div className="tooltip" data-testid="tooltip" role="tooltip" ref={boxRef} style={{ left: position.x + POINTER_GAP, top: position.y + POINTER_GAP }}>
      <div className="tooltip-name">{value.name}</div>
      {suppressed ? (
        <div className="tooltip-value tooltip-no-data" data-testid="tooltip-suppressed">
          {t('map.legend.smallNumber.suppress', { threshold: smallNumberThreshold })}
        </div>
      ) : value.value === null ? (
        <div className="tooltip-value tooltip-no-data">
          {t('tooltip.noData')}
          {value.missingReason ? ` – ${localized(value.missingReason, locale)}` : ''}
        </div>
      ) : (
        <div className="tooltip-value">
          {formatNumber(value.value, indicator.decimals, locale)} <span className="tooltip-unit">{localized(indicator.unit, locale)}</span>
        </div>
      )}
      {fallbackSource !== null && !suppressed ? (
        <div className="tooltip-flag" data-testid="tooltip-fallback-source">
          ⚑ {t('map.legend.fallbackSource')}: {fallbackSource}
        </div>
      ) : null}
      {flagReason && !suppressed ? (
        <div className="tooltip-flag" data-testid="tooltip-flag">
          ⚑ {flagReason}
        </div>
      ) : null}
    </div>
  );
}
