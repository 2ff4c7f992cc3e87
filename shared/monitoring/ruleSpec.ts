/**
 * Alert rules written as short text, for the command line (`--rule above:refugees_per_1000:20`) and
 * shown back in the same form:
 *
 *   above:ID:X · below:ID:X · deviation:ID:X% · deviation:ID:Xpt · change:ID:X%:Ny · fences:ID:1.5|3 · worse-class
 */
import type { AlertRule } from './monitoringDefinition';

function number(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text.trim().replace(',', '.').replace('\u2212', '-'));
  return Number.isFinite(value) ? value : null;
}

/**
 * The rule a text describes, or null when it describes none.
 * @example parseRuleSpec('change:refugees_per_1000:25%:3y') // { type: 'change', indicator: 'refugees_per_1000', threshold: 25, years: 3 }
 */
export function parseRuleSpec(text: string): AlertRule | null {
  const parts = text.trim().split(':');
  const [type, indicator, first, second] = parts;
  if (type === 'worse-class' && parts.length === 1) return { type: 'worseClass' };
  if (!indicator) return null;
  if ((type === 'above' || type === 'below') && parts.length === 3) {
    const threshold = number(first);
    return threshold === null ? null : { type, indicator, threshold };
  }
  if (type === 'deviation' && parts.length === 3 && first) {
    const match = /^(.+?)\s*(%|pt)$/.exec(first);
    const threshold = number(match?.[1]);
    return threshold === null || threshold < 0 ? null : { type, indicator, threshold, unit: match![2] === '%' ? 'percent' : 'points' };
  }
  if (type === 'change' && parts.length === 4 && first && second) {
    const threshold = number(first.replace(/%$/, ''));
    const years = /^(\d+)y$/.exec(second.trim());
    const count = years ? Number(years[1]) : NaN;
    return threshold === null || threshold < 0 || !(count >= 1 && count <= 20) ? null : { type, indicator, threshold, years: count };
  }
  if (type === 'fences' && parts.length <= 3) {
    const factor = first === undefined ? 1.5 : number(first);
    return factor === 1.5 || factor === 3 ? { type, indicator, factor } : null;
  }
  return null;
}

/** The text form of a rule (the inverse of parseRuleSpec). */
export function ruleSpecText(rule: AlertRule): string {
  switch (rule.type) {
    case 'worseClass':
      return 'worse-class';
    case 'above':
    case 'below':
      return `${rule.type}:${rule.indicator}:${rule.threshold}`;
    case 'deviation':
      return `deviation:${rule.indicator}:${rule.threshold}${rule.unit === 'percent' ? '%' : 'pt'}`;
    case 'change':
      return `change:${rule.indicator}:${rule.threshold}%:${rule.years}y`;
    case 'fences':
      return `fences:${rule.indicator}:${rule.factor}`;
  }
}
