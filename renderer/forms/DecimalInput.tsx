/**
 * A field for a decimal number in the UI language's format ("1,5" in German). The browser's own number
 * field shows its decimal sign by the browser's language, so a German planner saw "1.5" beside "0,0".
 * The text is kept while typing; a number within [min, max] goes to `onChange`, anything else marks the
 * field invalid and keeps the last good value.
 */
import { useEffect, useState } from 'react';
import { useLocale } from '../AppContext';
import { parseLocalNumber, plainNumber } from './numberInput';

interface DecimalInputProps {
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  testId?: string;
  ariaLabel?: string;
}

export function DecimalInput({ value, onChange, min = -Infinity, max = Infinity, testId, ariaLabel }: DecimalInputProps) {
  const locale = useLocale();
  const [text, setText] = useState(() => plainNumber(value, locale));
  // A value changed elsewhere (undo, another definition, the language) replaces what the field shows.
  useEffect(() => {
    setText((current) => (parseLocalNumber(current, locale) === value ? current : plainNumber(value, locale)));
  }, [value, locale]);
  const parsed = parseLocalNumber(text, locale);
  const valid = parsed !== null && parsed >= min && parsed <= max;
  return (
    <input
      type="text"
      inputMode="decimal"
      value={text}
      aria-label={ariaLabel}
      aria-invalid={!valid}
      data-testid={testId}
      onChange={(event) => {
        setText(event.target.value);
        const next = parseLocalNumber(event.target.value, locale);
        if (next !== null && next >= min && next <= max && next !== value) onChange(next);
      }}
      onBlur={() => setText(plainNumber(value, locale))}
    />
  );
}
