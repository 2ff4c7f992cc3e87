/**
 * The supply part of the Planung tab: facilities typed into a table (add, edit, delete), staff positions per
 * area, the catchment (buffer in km or nearest area by straight line) and the import of facility files. Every
 * change is saved at once through `planning.setSupply`, so the gap map and table follow immediately; the last
 * changes can be undone with the app's one undo history (store/undoSlice.ts: Ctrl+Z, the top bar, the
 * "Rückgängig" button here).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { pointOnFeature } from '@turf/point-on-feature';
import type { MethodOutput } from '../../shared/contract/api';
import { formatNumber, type Locale } from '../../shared/format/number';
import { message, localized } from '../../shared/i18n/translate';
import { FACILITY_KINDS, FACILITY_KIND_LABELS, type Facility, type FacilityKind, type StaffPositions } from '../../shared/planning/facilities';
import type { CatchmentMode } from '../../shared/planning/facilities';
import { useKleinraum, useLocale, useT } from '../AppContext';
import { ApiError } from '../api/apiError';
import { FacilityImport } from './FacilityImport';
import { parseLocalNumber } from '../forms/numberInput';
import { SupplyFromDataEditor, supplyFromDataEntry, type SupplyFromDataEntry } from './SupplyFromDataEditor';
import { useBackend, useBackendQuery } from '../api/backend';

type SupplyListing = MethodOutput<'planning.supply'>;

/** Rows of the facility table rendered at once; filters narrow the rest down. */
const MAX_ROWS_SHOWN = 80;

interface SupplyState {
  facilities: Facility[];
  staff: StaffPositions[];
  catchmentKm: number;
  catchmentMode: CatchmentMode;
}

/** Only the stored fields: the listing adds `areaKey`, which setSupply does not take. */
function storedFacility(facility: SupplyListing['facilities'][number] | Facility): Facility {
  const { id, kind, name, capacity, longitude, latitude, synthetic, source } = facility;
  return { id, kind, name, capacity, longitude, latitude, synthetic, source };
}

/** A number as typed in the UI language's notation ("1.234,5" in German), spaces ignored; null when it is none. */
function typedNumber(text: string, locale: Locale): number | null {
  return parseLocalNumber(text.replace(/\s/g, ''), locale);
}

function NumberCell({ value, decimals, onCommit, label, testId, min = 0 }: { value: number; decimals: number; onCommit: (value: number) => void; label: string; testId?: string; min?: number }) {
  const locale = useLocale();
  const shown = formatNumber(value, decimals, locale).replace(/\s/g, '');
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const parsed = typedNumber(text, locale);
    if (parsed === null || parsed < min) setText(shown);
    else if (parsed !== value) onCommit(parsed);
  };
  return (
    <input
      className="planning-number"
      aria-label={label}
      value={text}
      data-testid={testId}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
    />
  );
}

function TextCell({ value, onCommit, label }: { value: string; onCommit: (value: string) => void; label: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => text.trim() !== value && text.trim() !== '' && onCommit(text.trim());
  return <input aria-label={label} value={text} onChange={(event) => setText(event.target.value)} onBlur={commit} onKeyDown={(event) => event.key === 'Enter' && commit()} />;
}

/** `startYear`: the shown scenario's, to point out a supply list dated after it (null: no scenario shown). */
export function SupplyEditor({ startYear = null }: { startYear?: number | null }) {
  const t = useT();
  const locale = useLocale();
  const project = useKleinraum((state) => state.project);
  const features = useKleinraum((state) => state.features);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const backend = useBackend();
  const supply = useBackendQuery('planning.supply', project ? {} : null);
  const listing = supply.data ?? null;
  const recordEdit = useKleinraum((state) => state.recordEdit);
  const nextUndo = useKleinraum((state) => state.undoStack.at(-1) ?? null);
  const undo = useKleinraum((state) => state.undo);
  const [error, setError] = useState<string | null>(null);
  const [kindFilter, setKindFilter] = useState<FacilityKind | ''>('');
  const [areaFilter, setAreaFilter] = useState<string>('');
  const [newKind, setNewKind] = useState<FacilityKind>('kita');
  const [newName, setNewName] = useState('');
  const [newCapacity, setNewCapacity] = useState('');
  const [newArea, setNewArea] = useState('');

  const report = useCallback((caught: unknown) => setError(caught instanceof ApiError ? localized(caught.text, locale) : String(caught)), [locale]);

  // One municipality at a time keeps the table short enough to read (and to render): the selected one, else the first.
  const firstAreaKey = listing?.areas[0]?.key ?? '';
  useEffect(() => setAreaFilter((current) => current || firstAreaKey), [firstAreaKey]);
  const shownError = error ?? (supply.error ? localized(supply.error, locale) : null);


  useEffect(() => {
    if (selectedKey) setAreaFilter(selectedKey);
  }, [selectedKey]);

  /** A point to stand for "in this municipality": a point surely inside its outline. */
  const pointOfArea = useMemo(() => {
    const points = new Map<string, [number, number]>();
    for (const feature of features?.features ?? []) {
      const key = feature.properties.key;
      const [longitude, latitude] = pointOnFeature(feature as unknown as Parameters<typeof pointOnFeature>[0]).geometry.coordinates;
      points.set(key, [Math.round(longitude! * 1e5) / 1e5, Math.round(latitude! * 1e5) / 1e5]);
    }
    return points;
  }, [features]);

  const stateOf = (answer: SupplyListing): SupplyState => ({ facilities: answer.facilities.map(storedFacility), staff: answer.staff, catchmentKm: answer.catchmentKm, catchmentMode: answer.catchmentMode });
  const current = (): SupplyState | null => (listing ? stateOf(listing) : null);

  /** Stores a supply state and shows the answer at once (also what undo and redo run). */
  const apply = useCallback(
    async (next: Partial<SupplyState>): Promise<SupplyListing> => {
      const answer = await backend.call('planning.setSupply', next);
      backend.remember('planning.supply', {}, answer);
      return answer;
    },
    [backend],
  );

  /** Sets where one kind's supply comes from; undo puts the kind's previous setting back. */
  const setFromData = async (entry: SupplyFromDataEntry): Promise<void> => {
    if (!listing) return;
    const before = supplyFromDataEntry(listing, entry.kind);
    try {
      const answer = await backend.call('planning.setSupply', { fromData: [entry] });
      backend.remember('planning.supply', {}, answer);
      const after = supplyFromDataEntry(answer, entry.kind);
      // Undo puts the stored setting back as it was, also one that can no longer be followed (it shows its problem again).
      const restore = async (setting: SupplyFromDataEntry) => backend.remember('planning.supply', {}, await backend.call('planning.setSupply', { fromData: [setting], restoring: true }));
      recordEdit({ label: message('undo.supplyFromData'), undo: () => restore(before), redo: () => restore(after) });
      setError(null);
    } catch (caught) {
      report(caught);
    }
  };

  /** Records a change from `before` to the state `answer` shows, for Ctrl+Z / Ctrl+Y. */
  const rememberChange = (before: SupplyState, answer: SupplyListing, label: 'undo.supply' | 'undo.supplyImport') => {
    const after = stateOf(answer);
    recordEdit({ label: message(label), undo: () => apply(before), redo: () => apply(after) });
  };

  const save = async (next: Partial<SupplyState>): Promise<boolean> => {
    const before = current();
    try {
      const answer = await apply(next);
      if (before) rememberChange(before, answer, 'undo.supply');
      setError(null);
      return true;
    } catch (caught) {
      report(caught);
      return false;
    }
  };

  if (!listing) {
    return shownError ? (
      <p className="planning-error" role="alert">
        {shownError}
      </p>
    ) : null;
  }
  const areaName = new Map(listing.areas.map((area) => [area.key, area.name]));
  const facilities = listing.facilities.map(storedFacility);
  const updateFacility = (id: string, change: Partial<Facility>) => void save({ facilities: facilities.map((facility) => (facility.id === id ? { ...facility, ...change } : facility)) });
  const removeFacility = (id: string) => void save({ facilities: facilities.filter((facility) => facility.id !== id) });
  const moveToArea = (id: string, areaKey: string) => {
    const location = pointOfArea.get(areaKey);
    if (location) updateFacility(id, { longitude: location[0], latitude: location[1] });
  };

  const addArea = newArea || areaFilter || listing.areas[0]?.key || '';
  const addCapacity = typedNumber(newCapacity, locale);
  const addFacility = async () => {
    const location = pointOfArea.get(addArea);
    if (!location || addCapacity === null || addCapacity < 0) return;
    let number = facilities.length + 1;
    while (facilities.some((facility) => facility.id === `eingegeben-${number}`)) number += 1;
    const name = newName.trim() || `${localized(FACILITY_KIND_LABELS[newKind], locale)} ${areaName.get(addArea) ?? ''}`.trim();
    const added: Facility = { id: `eingegeben-${number}`, kind: newKind, name, capacity: addCapacity, longitude: location[0], latitude: location[1], synthetic: false, source: t('planning.supply.typedSource') };
    if (await save({ facilities: [...facilities, added] })) {
      setNewName('');
      setNewCapacity('');
    }
  };

  const matching = listing.facilities.filter((facility) => (kindFilter === '' || facility.kind === kindFilter) && (areaFilter === '' || facility.areaKey === areaFilter));
  const shown = matching.slice(0, MAX_ROWS_SHOWN);
  const staffByArea = new Map(listing.staff.map((entry) => [entry.areaKey, entry]));
  const setStaff = (areaKey: string, positions: number) => {
    const others = listing.staff.filter((entry) => entry.areaKey !== areaKey);
    const existing = staffByArea.get(areaKey);
    void save({ staff: [...others, { areaKey, positions, synthetic: false, note: existing && !existing.synthetic ? existing.note : t('planning.supply.typedSource') }] });
  };

  return (
    <section className="planning-supply" data-testid="planning-supply">
      <h2>{t('planning.supply.title')}</h2>
      {shownError && (
        <p className="planning-error" role="alert">
          {shownError}
        </p>
      )}
      <div className="planning-controls">
        <label>
          {t('planning.supply.catchment')}{' '}
          <select value={listing.catchmentMode} data-testid="planning-catchment-mode" onChange={(event) => void save({ catchmentMode: event.target.value as CatchmentMode })}>
            <option value="buffer">{t('planning.supply.catchment.buffer')}</option>
            <option value="nearest">{t('planning.supply.catchment.nearest')}</option>
          </select>
        </label>
        {listing.catchmentMode === 'buffer' && (
          <label>
            {t('planning.supply.catchmentKm')} <NumberCell value={listing.catchmentKm} decimals={1} label={t('planning.supply.catchmentKm')} testId="planning-catchment-km" onCommit={(km) => void save({ catchmentKm: Math.min(50, km) })} />
          </label>
        )}
        {/* The app's one undo history: the button says which step it takes back (it may be an import, not a supply edit). */}
        <button type="button" onClick={() => void undo()} disabled={!nextUndo} data-testid="planning-supply-undo" title={nextUndo ? t('undo.undoWhat', { what: nextUndo.label[locale] }) : t('undo.nothing')}>
          {t('planning.supply.undo')}
        </button>
      </div>
      {listing.unassigned.length > 0 && <p className="planning-hint">{t('planning.supply.unassigned', { count: listing.unassigned.length })}</p>}
      <SupplyFromDataEditor listing={listing} startYear={startYear} onChange={(entry) => void setFromData(entry)} />
      <FacilityImport
        onImported={(answer) => {
          const before = current();
          if (before) rememberChange(before, answer, 'undo.supplyImport');
          backend.remember('planning.supply', {}, answer);
        }}
      />
      <h3>{t('planning.supply.facilities')}</h3>
      {listing.fromData.length > 0 && (
        <p className="planning-hint" data-testid="planning-supply-not-counted">
          {t('planning.supply.notCounted', { kinds: listing.fromData.map((use) => t(`planning.kind.${use.kind}`)).join(', ') })}
        </p>
      )}
      <div className="planning-controls">
        <label>
          {t('planning.supply.kind')}{' '}
          <select value={kindFilter} onChange={(event) => setKindFilter(event.target.value as FacilityKind | '')} data-testid="planning-facility-kind-filter">
            <option value="">{t('planning.supply.all')}</option>
            {FACILITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {localized(FACILITY_KIND_LABELS[kind], locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('planning.supply.area')}{' '}
          <select value={areaFilter} onChange={(event) => setAreaFilter(event.target.value)} data-testid="planning-facility-area-filter">
            <option value="">{t('planning.supply.all')}</option>
            {listing.areas.map((area) => (
              <option key={area.key} value={area.key}>
                {area.name}
              </option>
            ))}
          </select>
        </label>
        <span>{t('planning.supply.count', { shown: shown.length, total: matching.length })}</span>
      </div>
      <div className="planning-scroll">
        <table className="planning-table planning-facilities" data-testid="planning-facilities">
          <thead>
            <tr>
              <th>{t('planning.supply.name')}</th>
              <th>{t('planning.supply.kind')}</th>
              <th>{t('planning.supply.capacity')}</th>
              <th>{t('planning.supply.area')}</th>
              <th>{t('planning.supply.coordinates')}</th>
              <th>{t('planning.supply.source')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((facility) => (
              <tr key={facility.id} data-facility={facility.id}>
                <td>
                  <TextCell value={facility.name} label={t('planning.supply.name')} onCommit={(name) => updateFacility(facility.id, { name })} />
                </td>
                <td>
                  <select value={facility.kind} aria-label={t('planning.supply.kind')} onChange={(event) => updateFacility(facility.id, { kind: event.target.value as FacilityKind })}>
                    {FACILITY_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {localized(FACILITY_KIND_LABELS[kind], locale)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <NumberCell value={facility.capacity} decimals={facility.kind === 'counselling' ? 1 : 0} label={t('planning.supply.capacity')} onCommit={(capacity) => updateFacility(facility.id, { capacity })} />
                </td>
                <td>
                  <select value={facility.areaKey ?? ''} aria-label={t('planning.supply.area')} onChange={(event) => moveToArea(facility.id, event.target.value)}>
                    {facility.areaKey === null && <option value="">{t('planning.supply.outside')}</option>}
                    {listing.areas.map((area) => (
                      <option key={area.key} value={area.key}>
                        {area.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="planning-coordinates">
                  <NumberCell value={facility.longitude} decimals={5} min={-180} label={t('planning.supply.longitude')} onCommit={(longitude) => updateFacility(facility.id, { longitude: Math.max(-180, Math.min(180, longitude)) })} />
                  <NumberCell value={facility.latitude} decimals={5} min={-90} label={t('planning.supply.latitude')} onCommit={(latitude) => updateFacility(facility.id, { latitude: Math.max(-90, Math.min(90, latitude)) })} />
                </td>
                <td>{facility.synthetic ? t('planning.supply.synthetic') : facility.source}</td>
                <td>
                  <button type="button" aria-label={t('planning.supply.delete')} title={t('planning.supply.delete')} onClick={() => removeFacility(facility.id)}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="planning-facility-new">
              <td>
                <input aria-label={t('planning.supply.newName')} placeholder={t('planning.supply.newName')} value={newName} onChange={(event) => setNewName(event.target.value)} data-testid="planning-new-name" />
              </td>
              <td>
                <select value={newKind} aria-label={t('planning.supply.kind')} onChange={(event) => setNewKind(event.target.value as FacilityKind)} data-testid="planning-new-kind">
                  {FACILITY_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {localized(FACILITY_KIND_LABELS[kind], locale)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input className="planning-number" aria-label={t('planning.supply.capacity')} placeholder="0" value={newCapacity} onChange={(event) => setNewCapacity(event.target.value)} data-testid="planning-new-capacity" />
              </td>
              <td>
                <select value={addArea} aria-label={t('planning.supply.area')} onChange={(event) => setNewArea(event.target.value)} data-testid="planning-new-area">
                  {listing.areas.map((area) => (
                    <option key={area.key} value={area.key}>
                      {area.name}
                    </option>
                  ))}
                </select>
              </td>
              <td colSpan={3}>
                <button type="button" onClick={() => void addFacility()} disabled={addCapacity === null || addCapacity < 0} data-testid="planning-add-facility">
                  {t('planning.supply.add')}
                </button>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{t('planning.supply.staff')}</h3>
      <div className="planning-scroll">
        <table className="planning-table" data-testid="planning-staff">
          <thead>
            <tr>
              <th>{t('planning.supply.area')}</th>
              <th>{t('planning.supply.positions')}</th>
              <th>{t('planning.supply.source')}</th>
            </tr>
          </thead>
          <tbody>
            {listing.areas.map((area) => {
              const entry = staffByArea.get(area.key);
              return (
                <tr key={area.key}>
                  <td>{area.name}</td>
                  <td>
                    <NumberCell value={entry?.positions ?? 0} decimals={1} label={`${t('planning.supply.positions')} ${area.name}`} testId={`planning-staff-${area.key}`} onCommit={(positions) => setStaff(area.key, positions)} />
                  </td>
                  <td>{entry ? (entry.synthetic ? t('planning.supply.synthetic') : entry.note) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
