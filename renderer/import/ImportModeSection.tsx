/**
 * The wizard's question when a table's variables already have values in the project: is the file a
 * further source (saved as a source of its own, ranked after the existing ones so it only fills their
 * gaps; the default), does it replace the values of one source, or extend one source's series with new
 * Stichtage (the default for the same file of a later Stichtag: see `continuedSource`)? Lists the sources that hold the variables (and the Stichtage the file shares with them) and,
 * for every choice, what a commit would write, computed by the backend on the project and rolled back
 * (`import.commit` with `dryRun`).
 */
import { sourceQuality } from '../../shared/contract/schemas';
import { IMPORT_MODES, type CommitResult, type TablePreviewResult } from '../../shared/contract/methods/import';
import { formatDate, formatLatestDates } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { withoutCliHint } from '../../shared/contract/errors';
import type { LocalizedText } from '../../shared/model/project';
import { namedList } from '../../shared/sources/observationAreaName';
import { useLocale, useT } from '../AppContext';
import { sourceNameIn } from '../../shared/sources/sourceChoiceLine';

export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportModeChoice {
  mode: ImportMode;
  /** For replace and extend: the source whose values change. */
  targetSourceId: string | null;
  /** For a new source: its name, who publishes it and who it counts ('' publisher: the file's proposal). */
  sourceName: string;
  publisher: string;
  definition: string;
  /** What the new source's values are (counted, estimated, projected). */
  quality: SourceQuality;
}

export interface DryRunState {
  running: boolean;
  message: LocalizedText | null;
  changes: NonNullable<CommitResult['changes']> | null;
  error: LocalizedText | null;
}

/** The sources holding any of the file's variables, each once, in the order the preview lists them. */
export function existingSourcesOf(preview: Pick<TablePreviewResult, 'existingSources'>): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const entry of preview.existingSources) for (const source of entry.sources) if (!seen.has(source.id)) seen.set(source.id, source.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The Stichtage the file shares with one source (over all its variables), ascending. */
function sharedWith(preview: Pick<TablePreviewResult, 'existingSources'>, sourceId: string): string[] {
  return [...new Set(preview.existingSources.flatMap((entry) => entry.sources.filter((source) => source.id === sourceId).flatMap((source) => source.sharedPeriods)))].sort();
}

export function ImportModeSection(props: {
  preview: TablePreviewResult;
  choice: ImportModeChoice;
  onChange: (choice: ImportModeChoice) => void;
  dryRun: DryRunState;
  /** The project source whose name the new source's typed one is, or null (the field is marked). */
  takenName: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const { preview, choice, onChange, dryRun } = props;
  const existing = existingSourcesOf(preview);
  const overlapping = preview.existingSources.filter((entry) => entry.sources.length > 0);
  const repeated = preview.repeatedSource;
  const continued = preview.continuedSource;
  // The same file of a later Stichtag continues its source; any other file not yet in the project is a further source.
  // Before the file's Stichtag is known (typed), nothing is recommended: it decides between the two.
  const recommended: ImportMode | null = continued ? continued.mode : repeated || preview.observations.periods.length === 0 ? null : 'new-source';
  return (
    <section className="import-mode" aria-label={t('import.mode.question')} data-testid="import-mode">
      <h3>{t('import.mode.title')}</h3>
      {repeated && (
        <p className="import-warning" role="alert" data-testid="import-mode-repeated">
          {t('import.mode.repeated', { source: repeated.name, dates: preview.observations.periods.map((period) => formatDate(period, locale)).join(', ') })}
        </p>
      )}
      {continued && (
        <p className="import-hint" data-testid="import-mode-continued">
          {continued.mode === 'replace'
            ? t('import.mode.continuedRevised', { source: continued.name, dates: formatLatestDates(sharedWith(preview, continued.id), locale, 3) })
            : t(continued.reason === 'tableLayout' ? 'import.mode.continuedLayout' : 'import.mode.continued', {
                source: continued.name,
                dates: preview.observations.periods.map((period) => formatDate(period, locale)).join(', '),
              })}
        </p>
      )}
      <ul className="import-mode-overlap">
        {overlapping.map((entry) => {
          const variable = preview.observations.variables.find((candidate) => candidate.id === entry.variable);
          return (
            <li key={entry.variable}>
              {t('import.mode.overlap', {
                variable: variable ? localized(variable.name, locale) : entry.variable,
                sources: entry.sources
                  // Each source with its own dates: the same Stichtage as the file, or others (a census beside a register's 31.12.).
                  .map((source) =>
                    source.sharedPeriods.length > 0
                      ? `${sourceNameIn(source.name, locale)} (${t('import.mode.overlapShared', { dates: source.sharedPeriods.map((period) => formatDate(period, locale)).join(', ') })})`
                      : `${sourceNameIn(source.name, locale)} (${t('import.mode.overlapOther', { dates: formatLatestDates(source.periods, locale, 3) })})`,
                  )
                  .join('; '),
              })}
            </li>
          );
        })}
      </ul>
      <fieldset className="import-mode-choices">
        <legend>{t('import.mode.question')}</legend>
        {IMPORT_MODES.map((mode) => (
          <div key={mode} className="import-mode-choice">
            <label>
              <input
                type="radio"
                name="import-mode"
                value={mode}
                data-testid={`import-mode-${mode}`}
                checked={choice.mode === mode}
                onChange={() => onChange({ ...choice, mode, targetSourceId: mode === 'new-source' ? null : (choice.targetSourceId ?? continued?.id ?? existing[0]?.id ?? null) })}
              />
              <strong>{t(`import.mode.${mode}`)}</strong>
              {mode === recommended && ` (${t('import.mode.recommended')})`}
            </label>
            <p className="import-hint">{t(`import.mode.${mode}.explain`)}</p>
            {choice.mode === mode && mode === 'new-source' && (
              <div className="import-field-row">
                <SourceTextField
                  label={t('import.mode.sourceName')}
                  testId="import-source-name"
                  value={choice.sourceName}
                  invalid={props.takenName !== null}
                  onChange={(sourceName) => onChange({ ...choice, sourceName })}
                />
                <SourceTextField label={t('import.source.publisher')} testId="import-source-publisher" placeholder={preview.source.publisher} value={choice.publisher} onChange={(publisher) => onChange({ ...choice, publisher })} />
                <SourceQualityField testId="import-source-quality" value={choice.quality} onChange={(quality) => onChange({ ...choice, quality })} />
                <SourceTextField
                  label={t('import.mode.definition')}
                  testId="import-source-definition"
                  placeholder={t('import.mode.definitionPlaceholder')}
                  value={choice.definition}
                  wide
                  onChange={(definition) => onChange({ ...choice, definition })}
                />
              </div>
            )}
            {choice.mode === mode && mode !== 'new-source' && (
              <label className="import-field">
                <span>{t('import.mode.target')}</span>
                <select data-testid="import-mode-target" value={choice.targetSourceId ?? ''} onChange={(event) => onChange({ ...choice, targetSourceId: event.target.value })}>
                  {existing.map((source) => (
                    <option key={source.id} value={source.id}>
                      {source.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        ))}
      </fieldset>
      {!(repeated && choice.mode === 'new-source') && (dryRun.running || dryRun.message || dryRun.error) && (
        <div className="import-mode-preview" role="status" data-testid="import-mode-preview">
          <strong>{t('import.mode.preview')}: </strong>
          {dryRun.running && t('import.mode.previewRunning')}
          {!dryRun.running && dryRun.error && <span className="import-error-inline">{withoutCliHint(localized(dryRun.error, locale))}</span>}
          {/* A replacement is previewed by its counts alone: the commit message would repeat them as done ("ersetzt"). */}
          {!dryRun.running && !dryRun.error && dryRun.message && !(choice.mode === 'replace' && dryRun.changes) && localized(dryRun.message, locale)}
          {!dryRun.running && !dryRun.error && choice.mode === 'replace' && dryRun.changes && (
            <span data-testid="import-mode-changes">
              {t('import.mode.previewResult', { added: dryRun.changes.added, changed: dryRun.changes.changed, removed: dryRun.changes.removed, unchanged: dryRun.changes.unchanged })}
              {dryRun.changes.removedAreas.length > 0 && ` ${t('import.mode.previewRemoved', { areas: namedList(dryRun.changes.removedAreas.map((area) => area.name), locale) })}`}
            </span>
          )}
        </div>
      )}
    </section>
  );
}

/** The qualities a planner may give an imported source, in the order offered: the contract's own list. */
const SOURCE_QUALITIES = sourceQuality.options;
export type SourceQuality = (typeof SOURCE_QUALITIES)[number];

/**
 * What a new source's values are: counted, estimated or projected. Legends, the area table and exports
 * label each value by it, so an estimate a planner imports is never shown as a count.
 */
export function SourceQualityField(props: { testId: string; value: SourceQuality; onChange: (quality: SourceQuality) => void }) {
  const t = useT();
  return (
    <label className="import-field">
      <span>{t('import.source.quality')}</span>
      <select data-testid={props.testId} value={props.value} onChange={(event) => props.onChange(event.target.value as SourceQuality)}>
        {SOURCE_QUALITIES.map((quality) => (
          <option key={quality} value={quality}>
            {t(`sources.quality.${quality}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One text field of the further source (name, publisher, definition); an invalid one points to the reason beside "Importieren". */
function SourceTextField(props: { label: string; testId: string; value: string; onChange: (value: string) => void; placeholder?: string; invalid?: boolean; wide?: boolean }) {
  return (
    <label className={props.wide ? 'import-field import-field-wide' : 'import-field'}>
      <span>{props.label}</span>
      <input
        type="text"
        data-testid={props.testId}
        placeholder={props.placeholder}
        value={props.value}
        aria-invalid={props.invalid}
        aria-describedby={props.invalid ? 'import-commit-blocked' : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}
