/**
 * A field for a date in the UI language's format (31.12.2019 in German). The browser's own date field
 * shows and expects the browser's language, so an English browser asked a German planner for 12/31/2019,
 * and a German one kept German in the English UI. The text is kept while typing; a date that exists goes
 * to `onChange`, an empty field as null. Anything else reports null, marks the field invalid and says
 * below it which format is expected, so the step's own check (a required date) holds the import back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../AppContext';
import { formatDate, parseDate } from '../../shared/format/number';

interface DateInputProps {
  /** ISO date (YYYY-MM-DD), or null for none. */
  value: string | null;
  /** The date typed, null for none; `typedInvalid` tells an empty field from text that is no date. */
  onChange(value: string | null, typedInvalid: boolean): void;
  testId?: string;
  ariaLabel?: string;
  /** Marks the field invalid also while what it holds is a date (the caller's own check, e.g. a required date). */
  invalid?: boolean;
}

/** What the field reads: an ISO date, null for an empty field, undefined for text that is no date. */
function readDate(text: string, locale: 'de' | 'en'): string | null | undefined {
  if (text.trim() === '') return null;
  return parseDate(text, locale) ?? undefined;
}

export function DateInput({ value, onChange, testId, ariaLabel, invalid = false }: DateInputProps) {
  const locale = useLocale();
  const t = useT();
  const errorId = useId();
  const [text, setText] = useState(() => (value ? formatDate(value, locale) : ''));
  const textRef = useRef(text);
  textRef.current = text;
  const reportedInvalidRef = useRef(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // A date changed elsewhere (another column chosen) or another language: the field shows the date in the
  // language's format. Text that was no date in the previous language but is one in this one (30/06/2024
  // typed in the German UI, then English chosen) is taken, not wiped.
  useEffect(() => {
    const typed = readDate(textRef.current, locale);
    if (typed === value || (typed === undefined && value === null)) return;
    const wasInvalid = reportedInvalidRef.current;
    reportedInvalidRef.current = false;
    if (value === null && typed !== null && typed !== undefined) {
      onChangeRef.current(typed, false);
      return;
    }
    setText(value ? formatDate(value, locale) : '');
    if (wasInvalid) onChangeRef.current(value, false);
  }, [value, locale]);
  const typedInvalid = readDate(text, locale) === undefined;
  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('app.datePlaceholder')}
        value={text}
        aria-label={ariaLabel}
        aria-invalid={typedInvalid || invalid}
        aria-describedby={typedInvalid ? errorId : undefined}
        data-testid={testId}
        onChange={(event) => {
          setText(event.target.value);
          const typed = readDate(event.target.value, locale);
          // Told only of a change: each report makes the import step read its preview again.
          if ((typed ?? null) !== value || (typed === undefined) !== reportedInvalidRef.current) onChange(typed ?? null, typed === undefined);
          reportedInvalidRef.current = typed === undefined;
        }}
        onBlur={() => {
          if (!typedInvalid) setText(value ? formatDate(value, locale) : '');
        }}
      />
      {typedInvalid && (
        <small className="date-input-error" id={errorId} data-testid={testId ? `${testId}-error` : undefined}>
          {t('app.dateInvalid', { format: t('app.datePlaceholder') })}
        </small>
      )}
    </>
  );
}
