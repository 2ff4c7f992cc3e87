/**
 * Hover tooltip: area name and value with unit in the UI's number format, or "keine Daten" with the reason,
 * and the reason when the value is flagged (small number or small denominator).
 */
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
  /** The value is withheld (small numbers shown as 'suppress'): the tooltip says so instead of the value. */
  suppressed?: boolean;
}

export function MapTooltip({ value, indicator, position, smallNumberThreshold = 3, suppressed = false }: MapTooltipProps) {
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
  return (
    <div className="tooltip" data-testid="tooltip" role="tooltip" style={{ left: position.x + 14, top: position.y + 14 }}>
      <div className="tooltip-name">{value.name}</div>
      {suppressed ? (
        <div className="tooltip-value tooltip-no-data" data-testid="tooltip-suppressed">
          {t('map.legend.smallNumber.suppress', { threshold: smallNumberThreshold })}
        </div>
      ) : value.value === null ? (
        <div className="tooltip-value tooltip-no-data">
          {t('tooltip.noData')}
          {value.missingReason ? ` – ${value.missingReason}` : ''}
        </div>
      ) : (
        <div className="tooltip-value">
          {formatNumber(value.value, indicator.decimals, locale)} <span className="tooltip-unit">{localized(indicator.unit, locale)}</span>
        </div>
      )}
      {flagReason && !suppressed ? (
        <div className="tooltip-flag" data-testid="tooltip-flag">
          ⚑ {flagReason}
        </div>
      ) : null}
    </div>
  );
}
