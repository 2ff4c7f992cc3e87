/**
 * Hover tooltip: area name and value with unit in the UI's number format, or "keine Daten" with the reason,
 * and a note when the value is protected as a small number.
 */
import { useLocale, useT } from '../AppContext';
import type { IndicatorValue, IndicatorValues } from '../../shared/contract/api';
import { formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';

interface MapTooltipProps {
  value: IndicatorValue;
  indicator: IndicatorValues['indicator'];
  position: { x: number; y: number };
}

export function MapTooltip({ value, indicator, position }: MapTooltipProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="tooltip" data-testid="tooltip" role="tooltip" style={{ left: position.x + 14, top: position.y + 14 }}>
      <div className="tooltip-name">{value.name}</div>
      {value.value === null ? (
        <div className="tooltip-value tooltip-no-data">
          {t('tooltip.noData')}
          {value.missingReason ? ` – ${value.missingReason}` : ''}
        </div>
      ) : (
        <div className="tooltip-value">
          {formatNumber(value.value, indicator.decimals, locale)} <span className="tooltip-unit">{localized(indicator.unit, locale)}</span>
        </div>
      )}
      {value.smallNumber && <div className="tooltip-flag">⚑ {t('tooltip.smallNumber')}</div>}
    </div>
  );
}
