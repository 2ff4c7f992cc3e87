/**
 * The "Darstellung" panel beside the map: classification method, number of classes, palette with swatches
 * (and its colour-vision check), reverse, diverging midpoint, manual breaks, classes fixed across periods,
 * labels and the optional basemap. Every change is applied at once and kept in the project.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLocale, useT } from '../AppContext';
import { checkColourVision } from '../../shared/classification/colourVision';
import { findPalette, maximumClassesOf, paletteColours, PALETTES, type PaletteKind } from '../../shared/classification/palettes';
import { CLASSIFICATION_METHODS, type ClassificationMethod } from '../../shared/classification/types';
import { validClassCounts } from '../../shared/classification/validateOptions';
import { formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/translate';
import { useMapUi } from './mapUiStore';
import { MIDPOINT_CHOICES, withValidChoices, type MapSymbology, type MidpointChoice } from '../../shared/mapView/mapSymbology';
import type { MapDisplay } from '../../shared/settings/projectSettings';
import { parseBreaksInput, plainNumber } from '../forms/numberInput';
import { DecimalInput } from '../forms/DecimalInput';

export interface SymbologyPanelProps {
  symbology: MapSymbology;
  onChange(symbology: MapSymbology): void;
  display: MapDisplay;
  onDisplayChange(display: MapDisplay): void;
  /** The colours the map uses now (for the colour-vision check). */
  colours: readonly string[];
  classCount: number;
  /** The region's value as the map may show it (drawIndicator): null where unknown or withheld. */
  regionValue: number | null;
  regionWithheld: boolean;
  decimals: number;
  /** The indicator has more than one period (the fixed-classes option applies). */
  severalPeriods: boolean;
  /** The project's small-number threshold, named in the small-number choice. */
  smallNumberThreshold: number;
  onSmallNumberThresholdChange(threshold: number): void;
  /**
   * The title of the result the map shows instead of the indicator (its classes and colours are fixed by its tab):
   * the classification choices are then hidden, only labels, small numbers and basemap stay.
   */
  overlayFrom?: string | null;
}

const PALETTE_KINDS: PaletteKind[] = ['sequential', 'diverging', 'qualitative'];

export function SymbologyPanel(props: SymbologyPanelProps) {
  const t = useT();
  const locale = useLocale();
  const open = useMapUi((state) => state.panelOpen);
  const { symbology, onChange, display } = props;
  const palette = findPalette(symbology.palette);
  const diverging = palette?.kind === 'diverging';
  const [breaksText, setBreaksText] = useState(() => symbology.breaks.map((value) => plainNumber(value, locale)).join('; '));
  const [breaksError, setBreaksError] = useState<string | null>(null);
  const [midpointText, setMidpointText] = useState(() => (symbology.midpointValue === null ? '' : plainNumber(symbology.midpointValue, locale)));

  // Another indicator (or project) brings its own breaks into the field; typing keeps the user's text.
  const storedBreaks = symbology.breaks.map((value) => plainNumber(value, locale)).join('; ');
  useEffect(() => {
    setBreaksText((typed) => {
      const parsed = parseBreaksInput(typed, locale);
      const typedMatches = parsed.ok && parsed.breaks.map((value) => plainNumber(value, locale)).join('; ') === storedBreaks;
      return typedMatches ? typed : storedBreaks;
    });
  }, [storedBreaks, locale]);

  const warnings = useMemo(() => checkColourVision(props.colours, { diverging }), [props.colours, diverging]);
  const set = (change: Partial<MapSymbology>) => onChange(withValidChoices({ ...symbology, ...change }));

  if (!open) {
    return (
      <button type="button" className="symbology-toggle" data-testid="symbology-open" onClick={() => useMapUi.getState().setPanelOpen(true)}>
        {t('map.symbology.title')} ▸
      </button>
    );
  }

  const midpointLabel = (choice: MidpointChoice): string => {
    if (choice === 'region') {
      if (props.regionWithheld) return t('map.midpoint.regionWithheld');
      return props.regionValue === null ? t('map.midpoint.regionUnknown') : t('map.midpoint.region', { value: formatNumber(props.regionValue, props.decimals, locale) });
    }
    return t(`map.midpoint.${choice}` as MessageKey);
  };

  return (
    <section className="symbology-panel" data-testid="symbology-panel" aria-label={t('map.symbology.title')}>
      <header className="symbology-header">
        <h2>{t('map.symbology.title')}</h2>
        <button type="button" className="symbology-close" aria-label={t('map.symbology.hide')} title={t('map.symbology.hide')} onClick={() => useMapUi.getState().setPanelOpen(false)}>
          ◂
        </button>
      </header>

      {props.overlayFrom ? (
        <p className="symbology-overlay-note" data-testid="symbology-overlay-note">
          {t('map.overlay.symbologyFixed', { tab: props.overlayFrom })}
        </p>
      ) : (
        <>
      <label className="symbology-field">
        <span>{t('map.symbology.method')}</span>
        <select data-testid="symbology-method" value={symbology.method} onChange={(event) => set({ method: event.target.value as ClassificationMethod })}>
          {CLASSIFICATION_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`map.method.${method}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>

      {symbology.method === 'manual' ? (
        <label className="symbology-field">
          <span>{t('map.symbology.breaks')}</span>
          <input
            data-testid="symbology-breaks"
            type="text"
            inputMode="decimal"
            value={breaksText}
            placeholder={t('map.symbology.breaksHint')}
            aria-invalid={breaksError !== null}
            onChange={(event) => {
              setBreaksText(event.target.value);
              const parsed = parseBreaksInput(event.target.value, locale);
              if (parsed.ok) {
                setBreaksError(null);
                set({ breaks: parsed.breaks });
              } else setBreaksError(localized(parsed.message, locale));
            }}
          />
          {breaksError && (
            <span className="symbology-error" role="alert">
              {breaksError}
            </span>
          )}
        </label>
      ) : (
        <label className="symbology-field">
          <span>{t('map.symbology.classes')}</span>
          <select
            data-testid="symbology-classes"
            value={symbology.classes}
            disabled={symbology.method === 'boxmap'}
            onChange={(event) => set({ classes: Number(event.target.value) })}
          >
            {validClassCounts(symbology.method).map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
      )}

      <fieldset className="symbology-field">
        <legend>{t('map.symbology.palette')}</legend>
        <div className="palette-list" role="radiogroup" aria-label={t('map.symbology.palette')}>
          {PALETTE_KINDS.map((kind) => (
            <div key={kind} className="palette-group">
              <div className="palette-kind">{t(`map.symbology.kind.${kind}` as MessageKey)}</div>
              {PALETTES.filter((candidate) => candidate.kind === kind && maximumClassesOf(candidate) >= props.classCount).map((candidate) => {
                const swatches = paletteColours(candidate.id, Math.max(3, Math.min(props.classCount, maximumClassesOf(candidate))), { reversed: symbology.reversed });
                const chosen = candidate.id === symbology.palette;
                return (
                  <button
                    key={candidate.id}
                    type="button"
                    role="radio"
                    aria-checked={chosen}
                    data-testid={`palette-${candidate.id}`}
                    className={chosen ? 'palette-option chosen' : 'palette-option'}
                    title={localized(candidate.name, locale)}
                    onClick={() => set({ palette: candidate.id })}
                  >
                    <span className="palette-swatches" aria-hidden="true">
                      {swatches.map((colour, index) => (
                        <span key={index} style={{ background: colour }} />
                      ))}
                    </span>
                    <span className="palette-name">{localized(candidate.name, locale)}</span>
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      </fieldset>

      <label className="symbology-check">
        <input type="checkbox" data-testid="symbology-reverse" checked={symbology.reversed} onChange={(event) => set({ reversed: event.target.checked })} />
        {t('map.symbology.reverse')}
      </label>

      <div className="colour-vision" data-testid="colour-vision" data-warnings={warnings.length}>
        {warnings.length === 0 ? (
          <span className="colour-vision-ok">✓ {t('map.symbology.colourVisionOk')}</span>
        ) : (
          <ul className="colour-vision-warnings" role="status">
            {warnings.slice(0, 3).map((warning, index) => (
              <li key={index}>⚠ {localized(warning.message, locale)}</li>
            ))}
          </ul>
        )}
      </div>

      {(diverging || symbology.method === 'stddev') && (
        <label className="symbology-field">
          <span>{diverging ? t('map.symbology.midpoint') : t('map.symbology.stddevMidpoint')}</span>
          <select data-testid="symbology-midpoint" value={symbology.midpoint} onChange={(event) => set({ midpoint: event.target.value as MidpointChoice })}>
            {MIDPOINT_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {midpointLabel(choice)}
              </option>
            ))}
          </select>
          {symbology.midpoint === 'value' && (
            <input
              data-testid="symbology-midpoint-value"
              type="text"
              inputMode="decimal"
              aria-label={t('map.symbology.midpointValue')}
              value={midpointText}
              onChange={(event) => {
                setMidpointText(event.target.value);
                const parsed = parseBreaksInput(event.target.value, locale);
                if (parsed.ok && parsed.breaks.length === 1) set({ midpointValue: parsed.breaks[0] as number });
              }}
            />
          )}
        </label>
      )}

        </>
      )}

      {props.severalPeriods && !props.overlayFrom && (
        <label className="symbology-check">
          <input
            type="checkbox"
            data-testid="symbology-fix-periods"
            checked={symbology.fixedClasses}
            onChange={(event) => set({ fixedClasses: event.target.checked })}
          />
          {t('map.symbology.fixedClasses')}
        </label>
      )}

      <label className="symbology-field">
        <span>{t('map.symbology.labels')}</span>
        <select data-testid="symbology-labels" value={display.labels} onChange={(event) => props.onDisplayChange({ ...display, labels: event.target.value as MapDisplay['labels'] })}>
          <option value="off">{t('map.symbology.labelsOff')}</option>
          <option value="names">{t('map.symbology.labelsNames')}</option>
          <option value="namesAndValues">{t('map.symbology.labelsNamesAndValues')}</option>
        </select>
      </label>

      {/* The threshold itself: the office's rule (under 3, 5, 10), for every view, figure and file. */}
      <label className="symbology-field">
        <span>{t('map.symbology.smallNumberThreshold')}</span>
        <DecimalInput
          value={props.smallNumberThreshold}
          min={1}
          max={1000}
          testId="symbology-small-number-threshold"
          ariaLabel={t('map.symbology.smallNumberThreshold')}
          onChange={(value) => {
            if (Number.isInteger(value)) props.onSmallNumberThresholdChange(value);
          }}
        />
      </label>

      <label className="symbology-field">
        <span>{t('map.symbology.smallNumbers', { threshold: props.smallNumberThreshold })}</span>
        <select
          data-testid="symbology-small-numbers"
          value={display.smallNumbers}
          onChange={(event) => props.onDisplayChange({ ...display, smallNumbers: event.target.value as MapDisplay['smallNumbers'] })}
        >
          <option value="suppress">{t('map.symbology.smallNumbers.suppress')}</option>
          <option value="flag">{t('map.symbology.smallNumbers.flag')}</option>
        </select>
      </label>

      <label className="symbology-check">
        <input type="checkbox" data-testid="symbology-basemap" checked={display.basemap} onChange={(event) => props.onDisplayChange({ ...display, basemap: event.target.checked })} />
        {t('map.symbology.basemap')}
      </label>
    </section>
  );
}
