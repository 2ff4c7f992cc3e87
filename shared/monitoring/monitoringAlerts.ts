/**
 * Frühwarnung: the alert rules of a monitoring definition applied to the values at one Stichtag (pure).
 *
 * Every comparison is strict ("more than"): a value exactly on a threshold raises no alert.
 * - above / below: value > threshold / value < threshold;
 * - deviation: |value − region| > threshold (points), or |value − region| / |region| · 100 > threshold
 *   (percent; no alert when the region's value is 0 or unknown);
 * - change: |value − earlier| / |earlier| · 100 > threshold, earlier = the value `years` years before
 *   (no alert without an earlier value or when it is 0);
 * - fences: value < Q1 − k · IQR or value > Q3 + k · IQR over all areas with a value (quartiles of type 7,
 *   as the box map computes them: shared/classification/methods/boxMap.ts), k = 1.5 or 3;
 * - worseClass: the status class at the Stichtag is worse than at the previous Stichtag.
 */
import { quantileType7 } from '../classification/methods/boxMap';
import type { AlertRule, AlertRuleType, StatusClass } from './monitoringDefinition';
import { movedIntoWorseClass } from './monitoringIndex';

export interface AlertValue {
  value: number | null;
  /** Quality of the value (counted, estimated, projected, synthetic …). */
  quality: string | null;
  sourceId: string | null;
}

export interface AlertIndicatorData {
  /** Values at the Stichtag by area key. */
  values: ReadonlyMap<string, AlertValue>;
  regionValue: number | null;
  /** Values `years` years before the Stichtag: years → area key → value (absent: no such period). */
  earlier: ReadonlyMap<number, ReadonlyMap<string, number | null>>;
}

export interface AlertInput {
  areas: readonly { key: string; name: string }[];
  indicators: ReadonlyMap<string, AlertIndicatorData>;
  /** Status class at the Stichtag and at the previous Stichtag (null: no previous index). */
  statusNow: ReadonlyMap<string, StatusClass | null>;
  statusBefore: ReadonlyMap<string, StatusClass | null> | null;
}

export interface MonitoringAlert {
  key: string;
  name: string;
  rule: AlertRuleType;
  /** Position of the rule in the definition. */
  ruleIndex: number;
  indicator: string | null;
  value: number | null;
  threshold: number | null;
  /** What the value was compared with: the region's value (deviation), the earlier value (change), null otherwise. */
  reference: number | null;
  /** The deviation or change that crossed the threshold (in percent or points), null for other rules. */
  measure: number | null;
  sourceId: string | null;
  /** The value is estimated, projected or synthetic: the alert rests on it and says so. */
  uncertain: boolean;
  fromClass: StatusClass | null;
  toClass: StatusClass | null;
}

const UNCERTAIN = new Set(['estimated', 'projected', 'synthetic']);

/** Box-plot fences over the values present. */
export function boxFences(values: readonly number[], factor: number): { lower: number; upper: number } | null {
  if (values.length < 4) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileType7(sorted, 0.25);
  const q3 = quantileType7(sorted, 0.75);
  const iqr = q3 - q1;
  return { lower: q1 - factor * iqr, upper: q3 + factor * iqr };
}

/**
 * The alerts of `rules` for every area, in the order of the rules, then of the areas.
 * @example evaluateAlerts([{ type: 'above', indicator: 'refugees_per_1000', threshold: 20 }], input)
 */
export function evaluateAlerts(rules: readonly AlertRule[], input: AlertInput): MonitoringAlert[] {
  const alerts: MonitoringAlert[] = [];
  rules.forEach((rule, ruleIndex) => {
    if (rule.type === 'worseClass') {
      if (!input.statusBefore) return;
      for (const area of input.areas) {
        const now = input.statusNow.get(area.key) ?? null;
        const before = input.statusBefore.get(area.key) ?? null;
        if (!movedIntoWorseClass(now, before)) continue;
        alerts.push({ key: area.key, name: area.name, rule: 'worseClass', ruleIndex, indicator: null, value: null, threshold: null, reference: null, measure: null, sourceId: null, uncertain: false, fromClass: before as StatusClass, toClass: now as StatusClass });
      }
      return;
    }
    const data = input.indicators.get(rule.indicator);
    if (!data) return;
    const fences = rule.type === 'fences' ? boxFences([...data.values.values()].flatMap((entry) => (entry.value === null ? [] : [entry.value])), rule.factor) : null;
    for (const area of input.areas) {
      const entry = data.values.get(area.key);
      if (!entry || entry.value === null) continue;
      const value = entry.value;
      const base = { key: area.key, name: area.name, rule: rule.type, ruleIndex, indicator: rule.indicator, value, sourceId: entry.sourceId, uncertain: entry.quality !== null && UNCERTAIN.has(entry.quality), fromClass: null, toClass: null };
      switch (rule.type) {
        case 'above':
          if (value > rule.threshold) alerts.push({ ...base, threshold: rule.threshold, reference: null, measure: null });
          break;
        case 'below':
          if (value < rule.threshold) alerts.push({ ...base, threshold: rule.threshold, reference: null, measure: null });
          break;
        case 'deviation': {
          const region = data.regionValue;
          if (region === null) break;
          const measure = rule.unit === 'points' ? value - region : region === 0 ? null : ((value - region) / Math.abs(region)) * 100;
          if (measure !== null && Math.abs(measure) > rule.threshold) alerts.push({ ...base, threshold: rule.threshold, reference: region, measure });
          break;
        }
        case 'change': {
          const earlier = data.earlier.get(rule.years)?.get(area.key) ?? null;
          if (earlier === null || earlier === 0) break;
          const measure = ((value - earlier) / Math.abs(earlier)) * 100;
          if (Math.abs(measure) > rule.threshold) alerts.push({ ...base, threshold: rule.threshold, reference: earlier, measure });
          break;
        }
        case 'fences':
          if (!fences) break;
          if (value < fences.lower) alerts.push({ ...base, threshold: fences.lower, reference: null, measure: null });
          else if (value > fences.upper) alerts.push({ ...base, threshold: fences.upper, reference: null, measure: null });
          break;
      }
    }
  });
  return alerts;
}
