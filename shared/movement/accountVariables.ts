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

/** The stems a stock's movements are named by: its id and its singular without a final "s" (refugees → refugee). */
function stemsOf(stock: string): string[] {
  return [...new Set([stock, stock.replace(/s$/, '')])];
}

/**
 * @example accountVariables('refugees', [{ id: 'refugee_arrivals', kind: 'flow' }, { id: 'refugee_departures', kind: 'flow' }]).flows // { inflow: 'refugee_arrivals', outflow: 'refugee_departures' }
 */
export function accountVariables(stock: string, variables: readonly { id: string; kind: 'stock' | 'flow' }[], explicit: Partial<Record<FlowTerm, string>> = {}): AccountVariables {
  const flowIds = new Set(variables.filter((variable) => variable.kind === 'flow').map((variable) => variable.id));
  const stems = stemsOf(stock);
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

/** A movement variable's place in the account: the stock it changes and how. */
export interface MovementRole {
  stock: string;
  term: FlowTerm;
}

/**
 * The id the convention gives a movement of `stock`: the singular stem and the term's first suffix.
 * @example movementVariableId('refugees', 'inflow') // "refugee_arrivals"
 */
export function movementVariableId(stock: string, term: FlowTerm): string {
  return `${stemsOf(stock).at(-1)}_${SUFFIXES[term][0]}`;
}

/**
 * The stock among `stocks` and the term that a variable id names by the convention; null when it names none.
 * @example movementRoleOf('refugee_departures', ['population', 'refugees']) // { stock: 'refugees', term: 'outflow' }
 */
export function movementRoleOf(id: string, stocks: readonly string[]): MovementRole | null {
  for (const stock of stocks) {
    if (stock === id) continue;
    for (const stem of stemsOf(stock)) {
      for (const term of FLOW_TERMS) {
        if (SUFFIXES[term].some((suffix) => id === `${stem}_${suffix}`)) return { stock, term };
      }
    }
  }
  return null;
}

/**
 * What an import's new variables are by the convention: a movement where the id names a term of a stock,
 * either one the project has or another new variable of the same file. The rest are stocks. Variables the
 * project has already keep their kind and are not in the answer. One rule for the preview and the commit.
 * @example importedMovementRoles(['refugees', 'refugee_arrivals'], []).get('refugee_arrivals') // { stock: 'refugees', term: 'inflow' }
 */
export function importedMovementRoles(fileIds: readonly string[], projectVariables: readonly { id: string; kind: 'stock' | 'flow' }[]): Map<string, MovementRole> {
  const known = new Set(projectVariables.map((variable) => variable.id));
  const ids = fileIds.filter((id) => !known.has(id));
  const stocks = [...projectVariables.filter((variable) => variable.kind === 'stock').map((variable) => variable.id), ...ids];
  const roles = new Map<string, MovementRole>();
  for (const id of ids) {
    const role = movementRoleOf(id, stocks);
    if (role) roles.set(id, role);
  }
  // A movement of a movement (refugee_arrivals_arrivals) is no account: its stock must itself be a stock.
  for (const [id, role] of roles) if (roles.has(role.stock)) roles.delete(id);
  return roles;
}
