// The planning gap map's fixed classes: one colour per class, the neutral class around 0, and maps of
// typical shortages (20–90 % of demand) are not one colour.
import { describe, expect, it } from 'vitest';
import { GAP_CLASS_LIMITS, GAP_COLOURS, gapColour, isMarkedShortage } from '../../../renderer/planning/gapColours';

describe('gap classes', () => {
  it('has one distinct colour per class', () => {
    expect(GAP_COLOURS).toHaveLength(GAP_CLASS_LIMITS.length + 1);
    expect(new Set(GAP_COLOURS).size).toBe(GAP_COLOURS.length);
  });
  it('puts −5 … 5 % into the middle (neutral) class, shortages into red and spare places into blue', () => {
    const neutral = gapColour(0);
    expect(gapColour(-4.9)).toBe(neutral);
    expect(gapColour(4.9)).toBe(neutral);
    expect(gapColour(50)).not.toBe(neutral);
    expect(gapColour(-50)).not.toBe(neutral);
  });
  it('tells shortages of 25, 45, 65 and 85 % apart', () => {
    expect(new Set([25, 45, 65, 85].map((percent) => gapColour(percent))).size).toBe(4);
  });
  it('marks a shortage in the table where the map leaves the neutral class (Laatzen at 4,9 % is neither)', () => {
    expect(isMarkedShortage(12, 4.9)).toBe(false);
    expect(gapColour(4.9)).toBe(gapColour(0));
    expect(isMarkedShortage(30, 5)).toBe(true);
    expect(gapColour(5)).not.toBe(gapColour(0));
    expect(isMarkedShortage(-10, -20)).toBe(false);
    // No demand to relate to: any missing place is a shortage.
    expect(isMarkedShortage(3, null)).toBe(true);
    expect(isMarkedShortage(null, null)).toBe(false);
  });
});
