/**
 * Name, unit and kind of each variable the table brings into the project for the first time. They stand in
 * the indicator picker, the legend, the table and every export: a dBASE field "EWZ" should read "Einwohner",
 * an area "KFL" "Katasterfläche" in km². Proposed by the backend (the column's label; persons, or no unit
 * for values with fractions); the planner's edits go into the commit as `variableNames` / `variableUnits`.
 *
 * The kind says whether a column counts a stock at the Stichtag or movements of a stock in the period up to
 * it (arrivals, departures …), which the balance (Bilanz) adds up. A movement is linked to its stock by its
 * id (shared/movement/accountVariables.ts): choosing "Zuzüge zu …" renames the variable to that id.
 */
import { useKleinraum, useLocale, useT } from '../AppContext';
import { localized } from '../../shared/i18n/translate';
import type { TablePreviewResult } from '../../shared/contract/methods/import';
import { addsUpOverAreas, OFFICIAL_AREA_VARIABLE } from '../../shared/model/project';
import { FLOW_TERMS, movementVariableId, type FlowTerm } from '../../shared/movement/accountVariables';

export interface VariableEdits {
  /**
   * kind 'stock': the planner keeps a column whose id reads like a movement as a stock. renamedFrom: the id
   * the column had before "Art" gave it a movement's id, restored when the planner chooses "Bestand" again.
   */
  [variableId: string]: { name?: string; unit?: string; kind?: 'stock'; renamedFrom?: string };
}

type PreviewVariable = TablePreviewResult['observations']['variables'][number];

const STOCK_CHOICE = 'stock';
// A variable id is free text (it may hold ":"); the choice is stock and term as JSON.
const movementChoice = (stock: string, term: FlowTerm) => JSON.stringify([stock, term]);

/** A variable's column headings as one line: the first two, and how many more (a wide table's breakdown). */
function columnsText(headings: readonly string[]): string {
  const shown = headings.slice(0, 2).join(', ');
  return headings.length > 2 ? `${shown} … (+${headings.length - 2})` : shown;
}

/** Units offered while typing; any other text is taken as written. */
const UNIT_SUGGESTIONS = ['Personen', 'Haushalte', 'Plätze', 'km²', '%', 'je 1.000 Einw.', 'Quote', 'Euro'];

export function NewVariableFields(props: {
  variables: PreviewVariable[];
  edits: VariableEdits;
  onChange: (edits: VariableEdits) => void;
  /** Gives the file's columns of variable `from` the id `to` (a movement's id by the convention). */
  onRename: (from: string, to: string) => void;
  /** The headings of the file's columns that hold a variable's values. */
  columnsOf: (id: string) => string[];
}) {
  const t = useT();
  const locale = useLocale();
  const projectVariables = useKleinraum((state) => state.project?.variables ?? []);
  const { edits, onChange, onRename } = props;
  const fresh = props.variables.filter((variable) => variable.isNew);
  if (fresh.length === 0) return null;
  const edit = (id: string, patch: VariableEdits[string]) => onChange({ ...edits, [id]: { ...edits[id], ...patch } });
  const nameOf = (variable: PreviewVariable) => (variable.isNew && edits[variable.id]?.name?.trim()) || localized(variable.name, locale);
  // Stocks a movement can belong to: the file's own columns that are no movement first, then the project's.
  const stocks = [
    ...fresh.filter((variable) => variable.movement === null && variable.id !== OFFICIAL_AREA_VARIABLE && !projectVariables.some((known) => known.id === variable.id)).map((variable) => ({ id: variable.id, name: nameOf(variable) })),
    ...projectVariables.filter((variable) => variable.kind === 'stock' && variable.id !== OFFICIAL_AREA_VARIABLE).map((variable) => ({ id: variable.id, name: localized(variable.name, locale) })),
  ];
  const kindChoice = (variable: PreviewVariable) => (edits[variable.id]?.kind === 'stock' || variable.movement === null ? STOCK_CHOICE : movementChoice(variable.movement.stock, variable.movement.term));
  const chooseKind = (variable: PreviewVariable, choice: string) => {
    if (choice === STOCK_CHOICE) {
      const original = edits[variable.id]?.renamedFrom;
      if (original !== undefined && !props.variables.some((other) => other.id === original)) onRename(variable.id, original);
      else edit(variable.id, { kind: 'stock' });
      return;
    }
    const [stock, term] = JSON.parse(choice) as [string, FlowTerm];
    const id = movementVariableId(stock, term);
    if (id === variable.id) edit(variable.id, { kind: undefined });
    else onRename(variable.id, id);
  };
  return (
    <section className="import-new-variables" aria-label={t('import.newVariables.title')} data-testid="import-new-variables">
      <h3>{t('import.newVariables.title')}</h3>
      <p className="import-hint">{t('import.newVariables.hint')}</p>
      <datalist id="import-unit-suggestions">
        {UNIT_SUGGESTIONS.map((unit) => (
          <option key={unit} value={unit} />
        ))}
      </datalist>
      <table className="import-grid">
        <thead>
          <tr>
            <th>{t('import.column')}</th>
            <th>{t('import.newVariables.name')}</th>
            <th>{t('import.newVariables.unit')}</th>
            <th title={t('import.newVariables.regionHint')}>{t('import.newVariables.region')}</th>
            <th title={t('import.newVariables.kindHint')}>{t('import.newVariables.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {fresh.map((variable) => (
            <tr key={variable.id} data-testid={`import-new-variable-${variable.id}`}>
              {/* The planner knows the variable by the file's heading; its id (set above, in the mapping) is the tooltip. */}
              <td title={`${t('import.variable')}: ${variable.id}`} data-testid={`import-variable-columns-${variable.id}`}>
                {columnsText(props.columnsOf(variable.id)) || <code>{variable.id}</code>}
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`${t('import.newVariables.name')}: ${variable.id}`}
                  data-testid={`import-variable-name-${variable.id}`}
                  placeholder={localized(variable.name, locale)}
                  value={edits[variable.id]?.name ?? localized(variable.name, locale)}
                  onChange={(event) => edit(variable.id, { name: event.target.value })}
                />
              </td>
              <td>
                {variable.id === OFFICIAL_AREA_VARIABLE ? (
                  // The land area is what per-km² figures divide by: always in km².
                  <span data-testid={`import-variable-unit-${variable.id}`}>{variable.unit}</span>
                ) : (
                  <input
                    type="text"
                    list="import-unit-suggestions"
                    maxLength={40}
                    aria-label={`${t('import.newVariables.unit')}: ${variable.id}`}
                    data-testid={`import-variable-unit-${variable.id}`}
                    placeholder={t('import.newVariables.noUnit')}
                    value={edits[variable.id]?.unit ?? variable.unit}
                    onChange={(event) => edit(variable.id, { unit: event.target.value })}
                  />
                )}
              </td>
              {/* What the unit decides (addsUpOverAreas), shown where it is typed: a quota summed over
                  the areas would be a wrong "Gesamt", and the unit is how the planner says it is one. */}
              <td data-testid={`import-variable-region-${variable.id}`} title={t('import.newVariables.regionHint')}>
                {addsUpOverAreas({ scale: 'absolute', unit: { de: edits[variable.id]?.unit ?? variable.unit } }) ? t('import.newVariables.summed') : t('import.newVariables.notSummed')}
              </td>
              <td>
                {variable.id === OFFICIAL_AREA_VARIABLE ? (
                  t('import.newVariables.kindStock')
                ) : (
                  <select
                    aria-label={`${t('import.newVariables.kind')}: ${variable.id}`}
                    title={t('import.newVariables.kindHint')}
                    data-testid={`import-variable-kind-${variable.id}`}
                    value={kindChoice(variable)}
                    onChange={(event) => chooseKind(variable, event.target.value)}
                  >
                    <option value={STOCK_CHOICE}>{t('import.newVariables.kindStock')}</option>
                    {stocks
                      .filter((stock) => stock.id !== variable.id)
                      .map((stock) => (
                        <optgroup key={stock.id} label={stock.name}>
                          {FLOW_TERMS.map((term) => {
                            const target = movementVariableId(stock.id, term);
                            const label = t(`import.newVariables.movement.${term}`, { stock: stock.name });
                            // Another column of this file is that movement already: two columns cannot be one variable.
                            const takenHere = target !== variable.id && props.variables.some((other) => other.id === target);
                            const known = target !== variable.id ? projectVariables.find((candidate) => candidate.id === target) : undefined;
                            // A project variable of that id that is a stock would take the values but stay a stock: no movement.
                            const knownStock = known !== undefined && known.kind !== 'flow';
                            return (
                              <option key={term} value={movementChoice(stock.id, term)} disabled={takenHere || knownStock}>
                                {takenHere
                                  ? t('import.newVariables.movementTaken', { label })
                                  : knownStock
                                    ? t('import.newVariables.movementKnownStock', { label, name: localized(known.name, locale) })
                                    : known
                                      ? t('import.newVariables.movementKnown', { label, name: localized(known.name, locale) })
                                      : label}
                              </option>
                            );
                          })}
                        </optgroup>
                      ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The commit's part of the edits: names the planner typed (an emptied name keeps the proposal) and units as
 * typed (empty: no unit), only for variables that are still new.
 */
export function variableEditsForCommit(variables: TablePreviewResult['observations']['variables'], edits: VariableEdits) {
  const fresh = new Set(variables.filter((variable) => variable.isNew).map((variable) => variable.id));
  const variableNames: Record<string, { de: string; en: string }> = {};
  const variableUnits: Record<string, string> = {};
  const variableKinds: Record<string, 'stock'> = {};
  for (const [id, edit] of Object.entries(edits)) {
    if (!fresh.has(id)) continue;
    const name = edit.name?.trim();
    if (name) variableNames[id] = { de: name, en: name };
    if (edit.unit !== undefined && id !== OFFICIAL_AREA_VARIABLE) variableUnits[id] = edit.unit.trim();
    if (edit.kind === 'stock') variableKinds[id] = 'stock';
  }
  return {
    ...(Object.keys(variableNames).length > 0 ? { variableNames } : {}),
    ...(Object.keys(variableUnits).length > 0 ? { variableUnits } : {}),
    ...(Object.keys(variableKinds).length > 0 ? { variableKinds } : {}),
  };
}
