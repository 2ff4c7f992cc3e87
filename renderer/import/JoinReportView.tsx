/**
 * The join report of a table preview, shown before anything is written: matched rows, unmatched rows
 * (listed with line and reason), areas without data, duplicate keys, aggregate rows kept out, name-match
 * proposals with checkboxes (only confirmed ones are written) and the totals check.
 */
import { useState } from 'react';
import { useKleinraum, useLocale, useT } from '../AppContext';
import { formatDate, formatNumber } from '../../shared/format/number';
import type { TablePreviewResult } from '../../shared/contract/methods/import';
import { coarserTableWarning, totalsVerdictText } from '../../shared/fileFormats/join/joinReport';
import { withoutCliHint } from '../../shared/contract/errors';
import { localized, type MessageKey } from '../../shared/i18n/translate';

type JoinReport = TablePreviewResult['joinReport'];

/** Key of a confirmed name proposal (row and area), as the checkboxes store it. */
export function proposalKey(rowIndex: number, areaKey: string): string {
  return `${rowIndex}:${areaKey}`;
}

/**
 * One reason's unmatched rows: the sentence ("10.765 Zeilen außerhalb des Gebiets 03241 …") and, on demand,
 * the complete list (rendered only when opened, so 10 000 rows cost nothing until asked for).
 */
function UnmatchedGroupDetails({ group, rows }: { group: JoinReport['unmatchedSummary'][number]; rows: JoinReport['unmatchedRows'] }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <li data-testid={`import-join-unmatched-${group.reason}`}>
      <details onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          {withoutCliHint(group.text[locale])}
          {group.examples.length > 0 && <span className="import-muted"> – {t('import.joinExamples', { examples: group.examples.join('; ') })}</span>}
        </summary>
        {open && (
          <ul className="import-list" data-testid="import-join-unmatched-list">
            {rows.map((row) => (
              <li key={row.rowIndex}>
                {t('import.joinLine', { line: row.lineNumber })}: <span className="mono">{row.keyText}</span> {row.name} – {t(`import.reason.${row.reason}` as MessageKey)}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

/**
 * The join report. A table of a coarser level (see coarserTable) is imported only once the planner confirms
 * it (`coarserConfirmed`): most likely another layer was meant.
 */
export function JoinReportView({ report, accepted, onToggle, coarserConfirmed, onConfirmCoarser }: { report: JoinReport; accepted: ReadonlySet<string>; onToggle: (rowIndex: number, areaKey: string) => void; coarserConfirmed: boolean; onConfirmCoarser: (confirmed: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const count = (value: number) => formatNumber(value, 0, locale);
  // The layer as the planner knows it ("Gemeinden"), not its table name in the file ("gemeinden").
  const layerTitle = useKleinraum((state) => state.project?.layers.find((layer) => layer.name === report.layer)?.title[locale] ?? report.layer);
  const coarser = coarserTableWarning({ ...report, layer: layerTitle }, locale);
  return (
    <div className="import-report" data-testid="import-join-report">
      <h3>{t('import.join', { layer: layerTitle })}</h3>
      {report.matchedCount === 0 && report.nameProposals.length === 0 && <p className="import-warning">{t('import.joinNothing')}</p>}
      {coarser && (
        <p className="import-warning" role="alert" data-testid="import-join-coarser">
          {withoutCliHint(coarser)}
        </p>
      )}
      {coarser && (
        <label className="import-check" data-testid="import-coarser-confirm">
          <input type="checkbox" checked={coarserConfirmed} onChange={(event) => onConfirmCoarser(event.target.checked)} />{' '}
          {t('import.joinCoarserConfirm', { layer: layerTitle, matched: count(report.matchedCount) })}
        </label>
      )}
      <ul>
        <li data-testid="import-join-matched">{t('import.joinMatched', { count: count(report.matchedCount) })}</li>
        {report.cityStateRows.length > 0 && (
          <li data-testid="import-join-city-states">{t('import.joinCityStates', { list: report.cityStateRows.map((row) => `${row.key} ${row.name} → ${row.areaKey}`).join(', ') })}</li>
        )}
        {report.restoredLeadingZeros > 0 && <li>{t('import.joinRestored', { count: count(report.restoredLeadingZeros), given: report.restoredLeadingZeroExample?.given ?? '', key: report.restoredLeadingZeroExample?.key ?? '' })}</li>}
        <li data-testid="import-join-aggregates">
          {t('import.joinAggregates', { count: count(report.aggregateRows.length) })}
          {report.aggregateRows.length > 0 && (
            <details>
              <summary>{report.aggregateRows.slice(0, 3).map((row) => `${row.key} ${row.name}`).join('; ')}</summary>
              <ul className="import-list">
                {report.aggregateRows.map((row) => (
                  <li key={row.rowIndex}>
                    <span className="mono">{row.key}</span> {row.name} ({t('import.joinLine', { line: row.lineNumber })})
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
        <li data-testid="import-join-unmatched">
          {t('import.joinUnmatched', { count: count(report.unmatchedRows.length) })}
          {report.unmatchedSummary.length > 0 && (
            <ul className="import-unmatched-groups">
              {report.unmatchedSummary.map((group) => (
                <UnmatchedGroupDetails key={group.reason} group={group} rows={report.unmatchedRows.filter((row) => row.reason === group.reason)} />
              ))}
            </ul>
          )}
        </li>
        <li data-testid="import-join-without-data" className={report.areasWithoutData.length > 0 ? 'import-warning' : undefined}>
          {t('import.joinAreasWithoutData', { count: count(report.areasWithoutData.length) })}
          {report.areasWithoutData.length > 0 && (
            <details>
              {/* The first four, and "…" where the list goes on (opening it shows all). */}
              <summary>{`${report.areasWithoutData.slice(0, 4).map((area) => area.name).join(', ')}${report.areasWithoutData.length > 4 ? ', …' : ''}`}</summary>
              <ul className="import-list">
                {report.areasWithoutData.map((area) => (
                  <li key={area.key}>
                    <span className="mono">{area.key}</span> {area.name}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
        {report.duplicateKeys.length > 0 && (
          <li className="import-warning">
            {t('import.joinDuplicates', { count: count(report.duplicateKeys.length) })}: {report.duplicateKeys.map((duplicate) => duplicate.areaKey).join(', ')}
          </li>
        )}
      </ul>
      {report.nameProposals.length > 0 && (
        <fieldset className="import-fieldset" data-testid="import-name-proposals">
          <legend>{t('import.joinProposals')}</legend>
          {report.nameProposals.map((proposal) => (
            <label key={proposalKey(proposal.rowIndex, proposal.areaKey)} className="import-check">
              <input type="checkbox" checked={accepted.has(proposalKey(proposal.rowIndex, proposal.areaKey))} onChange={() => onToggle(proposal.rowIndex, proposal.areaKey)} />
              <span>{t('import.joinProposalItem', { row: proposal.rowName, area: proposal.areaName, key: proposal.areaKey })}</span>
            </label>
          ))}
        </fieldset>
      )}
      {(report.totals.length > 0 || (report.totalsUnchecked?.length ?? 0) > 0 || report.totalsNotAdditive) && (
        <div data-testid="import-join-totals">
          <h4>{t('import.joinTotals')}</h4>
          <ul>
            {report.totalsNotAdditive && (
              <li className="import-hint" data-testid="import-join-totals-not-additive">
                {t('import.joinTotalsNotAdditive', { name: localized(report.totalsNotAdditive, locale) })}
              </li>
            )}
            {(report.totalsUnchecked?.length ?? 0) > 0 && (
              <li className="import-hint" data-testid="import-join-totals-unchecked">
                {t('import.joinTotalsUnchecked', { list: (report.totalsUnchecked ?? []).map((entry) => entry.aggregateName || entry.aggregateKey).join(', ') })}
              </li>
            )}
            {report.totals.map((total) => (
              <li key={`${total.aggregateKey}-${total.period ?? ''}`} className={total.consistent ? 'import-ok' : 'import-warning'}>
                {t('import.joinTotalsItem', {
                  name: `${total.aggregateName || total.aggregateKey}${total.period ? ` (${formatDate(total.period, locale)})` : ''}`,
                  count: count(total.areaCount),
                  sum: formatNumber(total.sumOfAreas, 0, locale),
                  aggregate: formatNumber(total.aggregateValue, 0, locale),
                })}{' '}
                – {totalsVerdictText(total, locale)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
