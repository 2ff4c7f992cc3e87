/**
 * Which flow variables belong to a stock variable in the stock–flow account (Bilanz): arrivals and
 * departures, and where a project has them births, deaths and moves within the region. Found by the
 * variable ids' convention `<stem>_arrivals`, `<stem>_departures`, `<stem>_births`, `<stem>_deaths`,
 * `<stem>_moves_in`, `<stem>_moves_out` (stem: the stock variable's id, or its singular without a final
 * "s": `refugees` → `refugee_arrivals`), or named explicitly (`--inflow`, `--outflow` …).
 */

/** The terms of the account besides the two stocks, in the order they are shown. */
export const FLOW_TERMS = ['inflow', 'outflow', 'births', 'deaths', 'internalIn', 'internalOut'] as const;
export type FlowTerm = (typeof FLOW_TERMS)[number];

/** +1 adds to the stock, −1 takes from it. */
export const FLOW_TERM_SIGN: Record<FlowTerm, 1 | -1> = { inflow: 1, outflow: -1, births: 1, deaths: -1, internalIn: 1, internalOut: -1 };

const SUFFIXES: Record<FlowTerm, readonly string[]> = {
  inflow: ['arrivals', 'inflow'],
  outflow: ['departures', 'outflow'],
  births: ['births'],
  deaths: ['deaths'],
  internalIn: ['moves_in', 'internal_in'],
  internalOut: ['moves_out', 'internal_out'],
};

export interface AccountVariables {
  stock: string;
  /** Flow variable per term; inflow and outflow are required for an account, the others optional. */
  flows: Partial<Record<FlowTerm, string>>;
}

/**
 * @example accountVariables('refugees', [{ id: 'refugee_arrivals', kind: 'flow' }, { id: 'refugee_departures', kind: 'flow' }]).flows // { inflow: 'refugee_arrivals', outflow: 'refugee_departures' }
 */
export function accountVariables(stock: string, variables: readonly { id: string; kind: 'stock' | 'flow' }[], explicit: Partial<Record<FlowTerm, string>> = {}): AccountVariables {
  const flowIds = new Set(variables.filter((variable) => variable.kind === 'flow').map((variable) => variable.id));
  const stems = [...new Set([stock, stock.replace(/s$/, '')])];
  const flows: Partial<Record<FlowTerm, string>> = {};
  for (const term of FLOW_TERMS) {
    const named = explicit[term];
    if (named !== undefined) {
      flows[term] = named;
      continue;
    }
    const found = stems.flatMap((stem) => SUFFIXES[term].map((suffix) => `${stem}_${suffix}`)).find((id) => flowIds.has(id));
    if (found !== undefined) flows[term] = found;
  }
  return { stock, flows };
}

/** Stock variables that have at least arrivals and departures, in the given order (the default choice for the views). */
export function stockVariablesWithFlows(variables: readonly { id: string; kind: 'stock' | 'flow' }[]): string[] {
  return variables
    .filter((variable) => variable.kind === 'stock')
    .filter((variable) => {
      const { flows } = accountVariables(variable.id, variables);
      return flows.inflow !== undefined && flows.outflow !== undefined;
    })
    .map((variable) => variable.id);
}
