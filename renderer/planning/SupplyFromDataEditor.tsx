/**
 * "Angebot je Gebiet aus Projektdaten": per infrastructure kind, whether its supply comes from the
 * facilities and positions below or from an indicator of the project's data — the planner's Kita list with
 * places per municipality, which has no addresses to place as points. The listing says which source and
 * Stichtag the figures are of, which areas have none (unknown supply) and, when a setting cannot be
 * followed, why. The server never adds the two (planning/scenarioRunner.ts `loadSupply`).
 */
import type { MethodOutput } from '../../shared/contract/api';
import { formatDate, type Locale } from '../../shared/format/number';
import { SYNTHETIC_NAME_SUFFIX } from '../../shared/model/project';
import { sourceNameIn } from '../../shared/sources/sourceChoiceLine';
import { localized } from '../../shared/i18n/translate';
import { INFRASTRUCTURE_KINDS, type InfrastructureKind } from '../../shared/planning/scenarioModel';
import { useLocale, useT } from '../AppContext';

type SupplyListing = MethodOutput<'planning.supply'>;

/** One kind's setting as `planning.setSupply` takes it: an indicator (period null = newest) or null for facilities. */
export interface SupplyFromDataEntry {
  kind: InfrastructureKind;
  indicator: string | null;
  period: string | null;
}

/** The stored setting of `kind` as the listing shows it, in the form setSupply takes back (for undo). */
export function supplyFromDataEntry(listing: SupplyListing, kind: InfrastructureKind): SupplyFromDataEntry {
  const use = listing.fromData.find((entry) => entry.kind === kind);
  return { kind, indicator: use?.indicator ?? null, period: use?.chosenPeriod ?? null };
}

/** "Kinder 0–5 Jahre (Kinder)" says the unit; "Kita-Plätze" already does. */
function optionLabel(name: string, unit: string): string {
  return unit === '' || name.toLowerCase().includes(unit.toLowerCase()) ? name : `${name} (${unit})`;
}

/** How many area names the status line lists before "…". */
const NAMES_LISTED = 4;

/** "Hannover, Laatzen, …": the first names of a list of areas. */
function listedNames(names: readonly string[]): string {
  return `${names.slice(0, NAMES_LISTED).join(', ')}${names.length > NAMES_LISTED ? ', …' : ''}`;
}

type FromDataUse = SupplyListing['fromData'][number];
type DataCandidate = SupplyListing['dataCandidates'][number];

/**
 * What the status line says of a followed setting, in parts: the sources with their Stichtage, the demo
 * label (unless a source name carries it), a list dated after the first projected year, a unit that counts
 * no places, the areas a lower-ranked list filled and those without a value.
 */
function statusParts(use: FromDataUse, candidate: DataCandidate | undefined, startYear: number | null, t: ReturnType<typeof useT>, locale: Locale): string[] {
  const sourceText = (source: FromDataUse['sources'][number]) => {
    const name = sourceNameIn(source.name, locale);
    return source.stichtag ? `${name}, ${t('planning.fromData.stichtag', { date: formatDate(source.stichtag, locale) })}` : name;
  };
  const parts = [t('planning.fromData.source', { sources: use.sources.map(sourceText).join('; ') })];
  if (use.sources.some((source) => source.synthetic && !source.name.endsWith(SYNTHETIC_NAME_SUFFIX))) parts.push(t('planning.supply.synthetic'));
  // A list dated after the first projected year (start year + 1) is taken as that year's supply too.
  if (startYear !== null && use.period !== null && Number(use.period.slice(0, 4)) > startYear + 1) parts.push(t('planning.fromData.later', { year: startYear + 1 }));
  if (candidate && !candidate.countsPlaces) parts.push(t('planning.fromData.notPlaces', { unit: localized(candidate.unit, locale) }));
  if (use.areasFromFallback.length > 0) parts.push(t('planning.fromData.fallback', { count: use.areasFromFallback.length, names: listedNames(use.areasFromFallback) }));
  if (use.areasWithoutValue.length > 0) parts.push(t('planning.fromData.without', { count: use.areasWithoutValue.length, names: listedNames(use.areasWithoutValue) }));
  return parts;
}

export function SupplyFromDataEditor({ listing, startYear, onChange }: { listing: SupplyListing; startYear: number | null; onChange: (entry: SupplyFromDataEntry) => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <fieldset className="planning-from-data" data-testid="planning-supply-from-data">
      <legend>{t('planning.fromData.title')}</legend>
      <p className="planning-hint">{t('planning.fromData.hint')}</p>
      <table className="planning-table">
        <tbody>
          {INFRASTRUCTURE_KINDS.map((kind) => {
            const use = listing.fromData.find((entry) => entry.kind === kind);
            const candidate = listing.dataCandidates.find((entry) => entry.id === use?.indicator);
            const setting = supplyFromDataEntry(listing, kind);
            return (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{t(`planning.kind.${kind}`)}</th>
                <td>
                  <select
                    aria-label={t('planning.fromData.origin', { kind: t(`planning.kind.${kind}`) })}
                    data-testid={`planning-from-data-${kind}`}
                    value={setting.indicator ?? ''}
                    onChange={(event) => onChange({ kind, indicator: event.target.value || null, period: null })}
                  >
                    <option value="">{t('planning.fromData.facilities')}</option>
                    {use && !candidate && <option value={use.indicator}>{use.indicatorName ? localized(use.indicatorName, locale) : use.indicator}</option>}
                    {listing.dataCandidates.map((entry) => (
                      <option key={entry.id} value={entry.id}>
                        {optionLabel(localized(entry.name, locale), localized(entry.unit, locale))}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {candidate && (
                    <select
                      aria-label={t('planning.fromData.period', { kind: t(`planning.kind.${kind}`) })}
                      data-testid={`planning-from-data-period-${kind}`}
                      value={setting.period ?? ''}
                      onChange={(event) => onChange({ kind, indicator: candidate.id, period: event.target.value || null })}
                    >
                      <option value="">{t('planning.fromData.newest', { date: formatDate(candidate.periods.at(-1)!, locale) })}</option>
                      {/* A pinned Stichtag the list no longer has stays shown as chosen (its problem says why). */}
                      {setting.period !== null && !candidate.periods.includes(setting.period) && <option value={setting.period}>{formatDate(setting.period, locale)}</option>}
                      {[...candidate.periods].reverse().map((period) => (
                        <option key={period} value={period}>
                          {formatDate(period, locale)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td className="planning-from-data-status" data-testid={`planning-from-data-status-${kind}`}>
                  {use?.problem ? (
                    <span role="alert">{localized(use.problem, locale)}</span>
                  ) : use ? (
                    statusParts(use, candidate, startYear, t, locale).join(' · ')
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
