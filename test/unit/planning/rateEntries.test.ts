// The flat list of rates behind the one rates editor: every rate is listed once, an edit changes exactly one value,
// and an edited value becomes an assumption that keeps the text it replaces, once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_RATES, DEFAULT_DEMAND_RATES } from '../../../shared/planning/presets';
import { editedValue, rateEntries, withRateEntry, type PlanningRates } from '../../../shared/planning/rateEntries';

const rates: PlanningRates = { demand: DEFAULT_DEMAND_RATES, costs: DEFAULT_COST_RATES };

describe('rate entries', () => {
  it('lists every documented rate once: 2 KiTa and 3 school ranges × 2 groups, 3 integration, 2 accommodation, 2 care ratios, 10 costs', () => {
    const entries = rateEntries(rates);
    expect(entries).toHaveLength(2 * 2 + 3 * 2 + 3 + 2 + 2 + 10);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    expect(entries.every((entry) => entry.documented.basis.text.de.length > 10 && entry.documented.basis.text.en.length > 10)).toBe(true);
  });

  it('writes back each entry to exactly its place and leaves the input unchanged', () => {
    for (const entry of rateEntries(rates)) {
      const changed = withRateEntry(rates, entry.id, { value: 12345, basis: entry.documented.basis });
      const after = rateEntries(changed);
      const differing = after.filter((candidate, index) => candidate.documented.value !== rateEntries(rates)[index]!.documented.value);
      expect(differing.map((candidate) => candidate.id)).toEqual([entry.id]);
    }
    expect(rates.demand.staff.asylumPending.personsPerStaff.value).toBe(80);
    expect(() => withRateEntry(rates, 'demand.kita.unknown.residents', rateEntries(rates)[0]!.documented)).toThrow();
  });

  it('marks an edited value as an assumption of the project and keeps the earlier text once over repeated edits', () => {
    const original = rates.demand.kita[0]!.residents;
    const once = editedValue(original, 0.4, 'share');
    expect(once.basis.kind).toBe('assumption');
    expect(once.basis.text.de).toBe(`Im Projekt eingestellt: 40 %. Vorher: 36 % – ${original.basis.text.de}`);
    const twice = editedValue(once, 0.45, 'share');
    expect(twice.basis.text.de).toBe(`Im Projekt eingestellt: 45 %. Vorher: 36 % – ${original.basis.text.de}`);
    expect(editedValue(rates.demand.staff.asylumPending.personsPerStaff, 50, 'persons').basis.text.en).toMatch(/^Set in the project: 1:50\. Before: 1:80 – /);
  });
});
