/** The command line's rule texts: every rule type round-trips, and malformed texts are refused. */
import { describe, expect, it } from 'vitest';
import { parseRuleSpec, ruleSpecText } from '../../../shared/monitoring/ruleSpec';

describe('parseRuleSpec', () => {
  it('reads every rule type and writes it back the same', () => {
    const texts = ['above:refugees_per_1000:20', 'below:under18_share:12.5', 'deviation:foreign_share:25%', 'deviation:foreign_share:5pt', 'change:refugees_per_1000:30%:3y', 'fences:under18_share:3', 'worse-class'];
    for (const text of texts) expect(ruleSpecText(parseRuleSpec(text)!)).toBe(text);
    expect(parseRuleSpec('below:x:12,5')).toEqual({ type: 'below', indicator: 'x', threshold: 12.5 });
    // The minus the app shows (U+2212), pasted back.
    expect(parseRuleSpec('below:x:\u22122,5')).toEqual({ type: 'below', indicator: 'x', threshold: -2.5 });
    expect(parseRuleSpec('deviation:x:5pt')).toEqual({ type: 'deviation', indicator: 'x', threshold: 5, unit: 'points' });
    expect(parseRuleSpec('fences:x')).toEqual({ type: 'fences', indicator: 'x', factor: 1.5 });
  });

  it('refuses what it cannot read', () => {
    for (const text of ['above:x', 'above:x:abc', 'deviation:x:5', 'deviation:x:-5%', 'change:x:30%', 'change:x:30%:0y', 'change:x:30%:21y', 'fences:x:2', 'worse-class:x', 'unknown:x:1', '']) expect(parseRuleSpec(text), text).toBeNull();
  });
});
