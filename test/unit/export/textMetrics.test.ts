import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../../shared/export/textMetrics';

describe('wrapText', () => {
  it('breaks at spaces so no line is wider than asked', () => {
    const text = 'Eisenach hat zum 31.12.2021 keinen Wert mehr, Wartburgkreis wuchs um 35.875';
    const lines = wrapText(text, 2.8, 40);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line, 2.8)).toBeLessThanOrEqual(40);
  });

  it('never breaks at a no-break space: a date and its value, a number and its unit stay together', () => {
    const text = 'keinen Wert mehr (31.12.2018:\u00a042.370), Wartburgkreis wuchs um 35.875 (+29,2\u00a0%)';
    // Every width from narrow to wide: "(31.12.2018:" never ends a line, "%)" never starts one.
    for (let width = 12; width <= 80; width += 1) {
      const lines = wrapText(text, 2.8, width);
      expect(lines.join(' ')).toBe(text);
      expect(lines.some((line) => line.endsWith('(31.12.2018:') || line.startsWith('%)'))).toBe(false);
    }
  });
});
