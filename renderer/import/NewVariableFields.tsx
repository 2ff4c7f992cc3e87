/**
 * Name and unit of each variable the table brings into the project for the first time. They stand in the
 * indicator picker, the legend, the table and every export: a dBASE field "EWZ" should read "Einwohner",
 * an area "KFL" "Katasterfläche" in km². Proposed by the backend (the column's label; persons, or no unit
 * for values with fractions); the planner's edits go into the commit as `variableNames` / `variableUnits`.
 */
import { useLocale, useT } from '../AppContext';
import { localized } from '../../shared/i18n/translate';
import type { TablePreviewResult } from '../../shared/contract/methods/import';
import { addsUpOverAreas, OFFICIAL_AREA_VARIABLE } from '../../shared/model/project';

export interface VariableEdits {
  [variableId: string]: { name?: string; unit?: string };
}

/** Units offered while typing; any other text is taken as written. */
const UNIT_SUGGESTIONS = ['Personen', 'Haushalte', 'Plätze', 'km²', '%', 'je 1.000 Einw.', 'Quote', 'Euro'];

export function NewVariableFields(props: { variables: TablePreviewResult['observations']['variables']; edits: VariableEdits; onChange: (edits: VariableEdits) => void }) {
  const t = useT();
  const locale = useLocale();
  const { edits, onChange } = props;
  const fresh = props.variables.filter((variable) => variable.isNew);
  if (fresh.length === 0) return null;
  const edit = (id: string, patch: { name?: string; unit?: string }) => onChange({ ...edits, [id]: { ...edits[id], ...patch } });
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
            <th>{t('import.variable')}</th>
            <th>{t('import.newVariables.name')}</th>
            <th>{t('import.newVariables.unit')}</th>
            <th title={t('import.newVariables.regionHint')}>{t('import.newVariables.region')}</th>
          </tr>
        </thead>
        <tbody>
          {fresh.map((variable) => (
            <tr key={variable.id} data-testid={`import-new-variable-${variable.id}`}>
              <td>
                <code>{variable.id}</code>
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
  for (const [id, edit] of Object.entries(edits)) {
    if (!fresh.has(id)) continue;
    const name = edit.name?.trim();
    if (name) variableNames[id] = { de: name, en: name };
    if (edit.unit !== undefined && id !== OFFICIAL_AREA_VARIABLE) variableUnits[id] = edit.unit.trim();
  }
  return {
    ...(Object.keys(variableNames).length > 0 ? { variableNames } : {}),
    ...(Object.keys(variableUnits).length > 0 ? { variableUnits } : {}),
  };
}
