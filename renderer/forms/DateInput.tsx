/**
 * A field for a date in the UI language's format (31.12.2019 in German). The browser's own date field
 * shows and expects the browser's language, so an English browser asked a German planner for 12/31/2019,
 * and a German one kept German in the English UI. The text is kept while typing; a date that exists goes
 * to `onChange`, an empty field as null, and anything else marks the field invalid and reports null, so the
 * step's own check says that the date is missing.
 */
import { useEffect, useState } from 'react';
import { useLocale, useT } from '../AppContext';
import { formatDate, parseDate } from '../../shared/format/number';

interface DateInputProps {
  /** ISO date (YYYY-MM-DD), or null for none. */
  value: string | null;
  onChange(value: string | null): void;
  testId?: string;
  ariaLabel?: string;
  /** Marks the field invalid also while what it holds is a date (the caller's own check, e.g. a required date). */
  invalid?: boolean;
}

export function DateInput({ value, onChange, testId, ariaLabel, invalid = false }: DateInputProps) {
  const locale = useLocale();
  const t = useT();
  const shown = (iso: string | null) => (iso ? formatDate(iso, locale) : '');
  const [text, setText] = useState(() => shown(value));
  // A date changed elsewhere (another column chosen, the language) replaces what the field shows.
  useEffect(() => {
    setText((current) => (parseDate(current, locale) === value || (current.trim() === '' && value === null) ? current : shown(value)));
    // `shown` depends only on locale.
  }, [value, locale]);
  const typedInvalid = text.trim() !== '' && parseDate(text, locale) === null;
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('app.datePlaceholder')}
      value={text}
      aria-label={ariaLabel}
      aria-invalid={typedInvalid || invalid}
      data-testid={testId}
      onChange={(event) => {
        setText(event.target.value);
        const next = event.target.value.trim() === '' ? null : parseDate(event.target.value, locale);
        if (next !== value) onChange(next);
      }}
      onBlur={() => {
        if (!typedInvalid) setText(shown(value));
      }}
    />
  );
}
