/**
 * The one place where all planning rates are edited: care ratios (1:50, 1:80, 1:100 or typed), KiTa and
 * school attendance by age, integration-course eligibility and participation, accommodation need, and the
 * costs of acting and of not acting — each with its source or assumption text next to the value. A changed
 * value becomes an assumption of the project and keeps the text it replaces ("Vorher: …").
 */
import { useEffect, useState } from 'react';
import { localized } from '../../shared/i18n/translate';
import { CARE_RATIO_OPTIONS } from '../../shared/planning/presets';
import { editedValue, rateEntries, withRateEntry, type PlanningRates, type RateEntry } from '../../shared/planning/rateEntries';
import type { ValueBasis } from '../../shared/planning/scenarioModel';
import { useLocale, useT } from '../AppContext';
import type { Locale } from '../../shared/format/number';
import { parseLocalNumber } from '../forms/numberInput';

/** Shares are typed in percent; numbers in the UI language's format ("12.000" or "12,5" in German, "12,000" in English). */
function parseTyped(text: string, unit: RateEntry['unit'], locale: Locale): number | null {
  const value = parseLocalNumber(text.replace(/\s|%|€/g, ''), locale);
  if (value === null || value < 0) return null;
  if (unit === 'share') return value > 100 ? null : value / 100;
  if (unit === 'persons') return value > 0 ? value : null;
  return value;
}

function shownValue(value: number, unit: RateEntry['unit'], locale: 'de' | 'en'): string {
  const figure = unit === 'share' ? Math.round(value * 1000) / 10 : value;
  // Grouped as every other figure of the page ("12.000 €" beside "2.018 Plätze"); typed back the same way.
  return figure.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
}

function RateRow({ entry, onChange }: { entry: RateEntry; onChange: (id: string, documented: RateEntry['documented']) => void }) {
  const t = useT();
  const locale = useLocale();
  const shown = shownValue(entry.documented.value, entry.unit, locale);
  const [text, setText] = useState(shown);
  const basisText = localized(entry.documented.basis.text, locale);
  const [note, setNote] = useState(basisText);
  const [typing, setTyping] = useState(false);
  useEffect(() => setText(shown), [shown]);
  useEffect(() => setNote(basisText), [basisText]);
  const commitValue = (typed: string) => {
    const value = parseTyped(typed, entry.unit, locale);
    if (value === null) setText(shown);
    else if (value !== entry.documented.value) onChange(entry.id, editedValue(entry.documented, value, entry.unit));
  };
  const setBasis = (basis: ValueBasis) => onChange(entry.id, { value: entry.documented.value, basis });
  const unitLabel = t(`planning.rates.unit.${entry.unit}`);
  const testId = `planning-rate-${entry.id}`;
  return (
    <tr data-rate={entry.id}>
      <td>{localized(entry.label, locale)}</td>
      <td className="planning-rate-value">
        {entry.unit === 'persons' && <span>1:</span>}
        {entry.unit === 'persons' && !typing && CARE_RATIO_OPTIONS.some((option) => option === entry.documented.value) ? (
          <select
            value={entry.documented.value}
            aria-label={`${localized(entry.label, locale)} (${unitLabel})`}
            data-testid={entry.id === 'demand.staff.asylumPending' ? 'planning-care-ratio' : entry.id === 'demand.staff.protectionGranted' ? 'planning-care-ratio-granted' : testId}
            onChange={(event) => (event.target.value === 'typed' ? setTyping(true) : commitValue(event.target.value))}
          >
            {CARE_RATIO_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
            <option value="typed">{t('planning.rates.otherRatio')}</option>
          </select>
        ) : (
          <input
            className="planning-number"
            aria-label={`${localized(entry.label, locale)} (${unitLabel})`}
            value={text}
            data-testid={entry.id === 'demand.staff.asylumPending' ? 'planning-care-ratio' : entry.id === 'demand.staff.protectionGranted' ? 'planning-care-ratio-granted' : testId}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => commitValue(text)}
            onKeyDown={(event) => event.key === 'Enter' && commitValue(text)}
          />
        )}
        {entry.unit !== 'persons' && <span> {unitLabel}</span>}
      </td>
      <td>
        <select
          value={entry.documented.basis.kind}
          aria-label={t('planning.rates.basis')}
          onChange={(event) => setBasis({ kind: event.target.value as ValueBasis['kind'], text: entry.documented.basis.text })}
        >
          <option value="source">{t('planning.rates.source')}</option>
          <option value="assumption">{t('planning.rates.assumption')}</option>
        </select>
      </td>
      <td>
        <textarea
          rows={2}
          value={note}
          aria-label={t('planning.rates.basisText')}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => note.trim() !== basisText && note.trim() !== '' && setBasis({ kind: entry.documented.basis.kind, text: { ...entry.documented.basis.text, [locale]: note.trim() } })}
        />
      </td>
    </tr>
  );
}

export function RatesEditor({ rates, onChange }: { rates: PlanningRates; onChange: (next: PlanningRates) => void }) {
  const t = useT();
  const locale = useLocale();
  const entries = rateEntries(rates);
  const groups: { title: string; entries: RateEntry[] }[] = [];
  for (const entry of entries) {
    const title = localized(entry.group, locale);
    const group = groups.at(-1);
    if (group?.title === title) group.entries.push(entry);
    else groups.push({ title, entries: [entry] });
  }
  const change = (id: string, documented: RateEntry['documented']) => onChange(withRateEntry(rates, id, documented));
  return (
    <section className="planning-rates" data-testid="planning-rates">
      <h2>{t('planning.rates')}</h2>
      <p className="planning-hint">{t('planning.rates.hint')}</p>
      <table className="planning-table planning-rates-table">
        <thead>
          <tr>
            <th>{t('planning.rates.rate')}</th>
            <th>{t('planning.rates.value')}</th>
            <th>{t('planning.rates.basis')}</th>
            <th>{t('planning.rates.basisText')}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.title}>
            <tr className="planning-rates-group">
              <th colSpan={4}>{group.title}</th>
            </tr>
            {group.entries.map((entry) => (
              <RateRow key={entry.id} entry={entry} onChange={change} />
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
