/**
 * How many years of age each age group spans, so pyramids with unequal groups (0–2, 3–5, 6–9, 10–15, 16–17,
 * 18–24, 25–44, 45–64, 65+) are drawn as statistical offices draw them: bar height in proportion to the
 * group's span, bar length as persons (or share) per single year of age. Drawn with raw group totals, a
 * 20-year group looks ten times as large as a 2-year group and every area shows the same mushroom.
 */

/** The age up to which an open-ended top group ("65+") is drawn: 65 to under 90, 25 years. */
export const OPEN_AGE_GROUP_END = 90;

export interface AgeSpan {
  /** First year of age in the group, e.g. 25. */
  from: number;
  /** First year of age after the group, e.g. 45 (for "65+": OPEN_AGE_GROUP_END). */
  to: number;
  /** True for an open-ended group such as "65+". */
  open: boolean;
}

/**
 * The span of an age group id such as "25-44", "25–44", "65+" or "unter 3"; null when the id names no ages.
 * @example ageSpanOf('25-44') // { from: 25, to: 45, open: false }
 * @example ageSpanOf('65+') // { from: 65, to: 90, open: true }
 */
export function ageSpanOf(id: string): AgeSpan | null {
  const range = /^\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*$/.exec(id);
  if (range) {
    const from = Number(range[1]);
    const last = Number(range[2]);
    return last >= from ? { from, to: last + 1, open: false } : null;
  }
  const open = /^\s*(\d{1,3})\s*(\+|und mehr|and over|und älter)\s*$/i.exec(id);
  if (open) {
    const from = Number(open[1]);
    return { from, to: Math.max(OPEN_AGE_GROUP_END, from + 5), open: true };
  }
  const under = /^\s*(unter|under)\s*(\d{1,3})\s*$/i.exec(id);
  if (under) return { from: 0, to: Number(under[2]), open: false };
  return null;
}

/**
 * The spans of a pyramid's age groups in order, when they tile the ages without gap or overlap from the
 * first group on; null otherwise (then the pyramid falls back to one equal row per group, raw values).
 * @example ageSpansOf(['0-2', '3-5', '6-9']) // [{ from: 0, to: 3, … }, { from: 3, to: 6, … }, { from: 6, to: 10, … }]
 */
export function ageSpansOf(ids: readonly string[]): AgeSpan[] | null {
  const spans = ids.map(ageSpanOf);
  if (spans.length === 0 || spans.some((span) => span === null)) return null;
  const valid = spans as AgeSpan[];
  for (let index = 1; index < valid.length; index++) if (valid[index]!.from !== valid[index - 1]!.to) return null;
  return valid;
}
