/**
 * The one renderer store, combined from slices (zustand). Components read with selectors; every change goes
 * through the pure updaters of the slices, wrapped in named actions here.
 */
import { create } from 'zustand';
import type { AreaDetails, EventPayload, FeatureCollectionDto, HostInfo, ProjectSummary } from '../../shared/contract/api';
import { formatDate, type Locale } from '../../shared/format/number';
import { message, translate } from '../../shared/i18n/translate';
import type { LocalizedText } from '../../shared/model/project';
import { initialProjectSlice, projectReceived, type ProjectSlice, type ShownIndicatorValues } from './projectSlice';
import { areaHovered, areasBrushed, areaSelected, initialSelectionSlice, selectionCleared, selectionForKeys, type SelectionSlice } from './selectionSlice';
import { initialUiSlice, messageAdded, messageDismissed, noticesDismissed, progressReceived, type FeatureDialog, type FileDialogPurpose, type UiSlice, type WorkspaceView } from './uiSlice';
import { initialOverlaySlice, localizedOverlay, type MapOverlay, type OverlaySlice } from './overlaySlice';
import { editRecorded, editRedone, editUndone, initialUndoSlice, type UndoableEdit, type UndoSlice } from './undoSlice';
import { toApiError } from '../api/apiError';
import {
  comparePeriodChosen,
  denominatorChosen,
  indicatorChosen,
  initialViewSlice,
  isChangeMode,
  modeChosen,
  periodChosen,
  sortToggled,
  savedView,
  sourcesChosen,
  viewForProject,
  type SortColumn,
  type ViewSlice,
} from './viewSlice';
import type { IndicatorMode } from '../../shared/indicators/indicatorMode';

export interface StoreActions {
  hostReceived(host: HostInfo): void;
  /**
   * `replaced`: a different project was opened/created (drops selection and derived data). `mapData`: the
   * areas and values of its first map, arrived with it, taken in the same change (as featuresReceived and
   * indicatorValuesReceived would take them).
   */
  projectReceived(project: ProjectSummary, replaced: boolean, mapData?: { layerName: string; features?: FeatureCollectionDto | undefined; values?: ShownIndicatorValues | undefined }): void;
  featuresReceived(layerName: string, features: FeatureCollectionDto): void;
  indicatorValuesReceived(values: ShownIndicatorValues): void;
  areaDetailsReceived(details: AreaDetails | null): void;
  setLocale(locale: Locale): void;
  chooseLayer(layerName: string): void;
  chooseIndicator(indicatorId: string): void;
  choosePeriod(period: string): void;
  /** "Darstellung als": value, index, change, changePercent, perKm2, percentOf, per1000Of. */
  chooseMode(mode: IndicatorMode): void;
  chooseComparePeriod(period: string): void;
  chooseDenominator(variableId: string): void;
  /** The sources the indicator draws from, in priority order (null: its own choice), with the Stichtage that choice has. */
  chooseSources(sources: readonly string[] | null, periods: readonly string[]): void;
  /** Shows a profile result on the map instead of the indicator (null: back to the indicator). */
  showMapOverlay(overlay: MapOverlay | ((locale: Locale) => MapOverlay) | null): void;
  toggleSort(column: SortColumn): void;
  selectArea(key: string | null): void;
  /** Several areas picked by brushing a chart; the first becomes the selected area. */
  brushAreas(keys: readonly string[]): void;
  clearSelection(): void;
  hoverArea(key: string | null): void;
  showMessage(text: LocalizedText): void;
  /** Says what a command did (not an error), under a heading, until dismissed. */
  showNotice(title: LocalizedText, text: LocalizedText): void;
  dismissMessage(id: number): void;
  openFileDialog(purpose: FileDialogPurpose | null): void;
  progressReceived(event: EventPayload<'progress'>): void;
  setBusy(busy: boolean): void;
  setUnsavedPromptOpen(open: boolean): void;
  setActiveView(view: WorkspaceView): void;
  openFeatureDialog(dialog: FeatureDialog | null): void;
  /** Records an edit the user can undo (Ctrl+Z) and redo (Ctrl+Y). */
  recordEdit(edit: UndoableEdit): void;
  /** Undoes the newest edit; a failure is shown as a message and drops that edit. */
  undo(): Promise<void>;
  /** Applies the newest undone edit again. */
  redo(): Promise<void>;
}

export type KleinraumState = ProjectSlice & ViewSlice & SelectionSlice & UiSlice & OverlaySlice & UndoSlice & StoreActions;

let nextMessageId = 1;

/**
 * What the store becomes when `project` arrives (the `projectReceived` action): the project, and the view
 * it opens with. Pure, so the session can see which layer and indicator will be shown before the store
 * (and with it the whole UI) changes.
 */
export function stateAfterProject(state: KleinraumState, project: ProjectSummary, replaced: boolean): Partial<KleinraumState> {
  const changed = projectReceived(state, project, replaced);
  // A project that was opened starts where its user left it at saving (layer, indicator, Stichtag …);
  // without a saved view, at its own defaults, never in the previous project's view (only the UI language
  // and the table's sort order carry over).
  const freshView = { ...initialViewSlice, locale: state.locale, sort: state.sort };
  const view = viewForProject(changed.generation !== undefined ? savedView(project, freshView) : state, project);
  const fileChanged = changed.generation !== undefined;
  // Another project: the edits of the previous one can no longer be undone in it.
  return { ...changed, ...view, ...(fileChanged ? { selectedKey: null, hoveredKey: null, brushedKeys: [], mapOverlay: null, undoStack: [], redoStack: [] } : {}) };
}

/** The store's change when a layer's areas arrive; null when they are not the shown layer's or are shown already. */
function featuresTaken(state: KleinraumState, layerName: string, features: FeatureCollectionDto): Partial<KleinraumState> | null {
  if (state.layerName !== layerName) return null; // an answer for a layer no longer shown
  // The same answer again (the first project's areas arrive with it, and the store's own request meets
  // them in the page's cache): nothing changed.
  if (state.features === features) return null;
  const keys = new Set(features.features.map((feature) => feature.properties.key));
  return { features, ...selectionForKeys(state, keys) };
}

/** The store's change when an indicator's values arrive; null when they are not the shown view's or are shown already. */
function valuesTaken(state: KleinraumState, values: ShownIndicatorValues): Partial<KleinraumState> | null {
  // Answers can arrive out of order when the user switches quickly: keep only the current one.
  if (values.indicator.id !== state.indicatorId || values.layer !== state.layerName) return null;
  if (state.period !== null && values.period !== state.period) return null;
  if ((values.mode ?? 'value') !== state.mode) return null;
  if (state.comparePeriod !== null && values.comparePeriod !== undefined && values.comparePeriod !== null && values.comparePeriod !== state.comparePeriod) return null;
  // An unchanged answer fetched again arrives as the shown object (fetchBackend's structural sharing).
  if (state.indicatorValues === values) return null;
  return { indicatorValues: values };
}

/** Creates a fresh store (the app uses one; tests create their own). */
export function createKleinraumStore() {
  let historyQueue: Promise<void> = Promise.resolve();
  /** Undoes or redoes the newest edit of its stack; an edit the backend refuses leaves the history. */
  const runHistoryStep = async (direction: 'undo' | 'redo'): Promise<void> => {
    const state = store.getState();
    const edit = (direction === 'undo' ? state.undoStack : state.redoStack).at(-1);
    if (!edit) return;
    const generation = state.generation;
    store.setState({ undoRunning: true, ...(direction === 'undo' ? editUndone(state) : editRedone(state)), ...noticesDismissed(state) });
    try {
      await (direction === 'undo' ? edit.undo() : edit.redo());
    } catch (error) {
      // The edit moved to the other stack before it ran; it cannot be repeated, so it leaves that stack.
      if (store.getState().generation === generation) {
        const current = store.getState();
        const without = (stack: typeof current.undoStack) => stack.filter((candidate) => candidate !== edit);
        store.setState(direction === 'undo' ? { redoStack: without(current.redoStack) } : { undoStack: without(current.undoStack) });
      }
      store.getState().showMessage(toApiError(error, direction).text);
    } finally {
      store.setState({ undoRunning: false });
    }
  };
  const store = create<KleinraumState>()((set, get) => ({
    ...initialProjectSlice,
    ...initialViewSlice,
    ...initialSelectionSlice,
    ...initialUiSlice,
    ...initialOverlaySlice,
    ...initialUndoSlice,

    hostReceived: (host) => set({ host }),
    projectReceived: (project, replaced, mapData) => {
      const next = { ...get(), ...stateAfterProject(get(), project, replaced) };
      // The first map's areas and values arriving with the project go in with it, as they would alone.
      const withFeatures = mapData?.features ? { ...next, ...featuresTaken(next, mapData.layerName, mapData.features) } : next;
      const withValues = mapData?.values ? { ...withFeatures, ...valuesTaken(withFeatures, mapData.values) } : withFeatures;
      set(withValues);
    },
    featuresReceived: (layerName, features) => {
      const change = featuresTaken(get(), layerName, features);
      if (change) set(change);
    },
    indicatorValuesReceived: (values) => {
      const change = valuesTaken(get(), values);
      if (change) set(change);
    },
    areaDetailsReceived: (details) => {
      if (details !== null && details.key !== get().selectedKey) return;
      set({ areaDetails: details });
    },
    setLocale: (locale) => set({ locale }),
    chooseLayer: (layerName) => {
      // Choosing the shown layer again (the import wizard does so after a table import into it) must keep
      // its features: the session reloads them only when the layer changes, so dropping them here left the
      // map blank and never ready.
      if (layerName === get().layerName) return;
      set({ layerName, features: null, indicatorValues: null, selectedKey: null, hoveredKey: null, brushedKeys: [], areaDetails: null });
    },
    chooseIndicator: (indicatorId) => {
      const { project } = get();
      if (!project) return;
      // Picking an indicator means seeing it: a profile result shown instead goes away.
      set({ ...indicatorChosen(get(), project, indicatorId), mapOverlay: null });
    },
    choosePeriod: (period) => {
      const { project } = get();
      set(project ? periodChosen(get(), project, period) : { period });
    },
    chooseMode: (mode) => {
      const { project, period: before } = get();
      if (!project) return;
      const chosen = modeChosen(get(), project, mode);
      set(chosen);
      // A Stichtag never changes silently (as with a choice of sources): say which one is shown, and why.
      if (before && chosen.period && chosen.period !== before && chosen.mode === mode) {
        const to = chosen.period;
        const text = message(isChangeMode(mode) ? 'map.mode.periodMovedChange' : 'map.mode.periodMovedDenominator', (locale) => ({ mode: translate(locale, `map.mode.${mode}`), from: formatDate(before, locale), to: formatDate(to, locale) }));
        get().showNotice(message('map.sources.periodReplacedTitle'), text);
      }
    },
    chooseComparePeriod: (period) => {
      const { project } = get();
      if (project) set(comparePeriodChosen(get(), project, period));
    },
    chooseDenominator: (variableId) => {
      const { project } = get();
      if (project) set(denominatorChosen(get(), project, variableId));
    },
    chooseSources: (sources, periods) => set(sourcesChosen(get(), sources, periods)),
    showMapOverlay: (overlay) => set({ mapOverlay: overlay === null ? null : localizedOverlay(overlay) }),
    toggleSort: (column) => set({ sort: sortToggled(get().sort, column) }),
    selectArea: (key) => set({ ...areaSelected(get(), key), ...(key === get().selectedKey ? {} : { areaDetails: null }) }),
    brushAreas: (keys) => set({ ...areasBrushed(keys), ...(keys[0] === get().selectedKey ? {} : { areaDetails: null }) }),
    clearSelection: () => set({ ...selectionCleared(), areaDetails: null }),
    hoverArea: (key) => set(areaHovered(get(), key)),
    recordEdit: (edit) => set(editRecorded(get(), edit)),
    // Undo and redo run one after the other in the order pressed: a second Ctrl+Z while the first still
    // waits for the backend undoes the next edit afterwards instead of being lost.
    undo: () => (historyQueue = historyQueue.then(() => runHistoryStep('undo'))),
    redo: () => (historyQueue = historyQueue.then(() => runHistoryStep('redo'))),
    showMessage: (text) => set(messageAdded(get(), text, nextMessageId++)),
    showNotice: (title, text) => set(messageAdded(get(), text, nextMessageId++, { title })),
    dismissMessage: (id) => set(messageDismissed(get(), id)),
    openFileDialog: (purpose) => set({ fileDialog: purpose }),
    progressReceived: (event) => set(progressReceived(get(), event)),
    setBusy: (busy) => set({ busy }),
    setUnsavedPromptOpen: (open) => set({ unsavedPromptOpen: open }),
    setActiveView: (view) => set({ activeView: view }),
    // A notice belongs to the command that is done: a dialog opened for the next one clears it (it would cover the dialog's buttons).
    openFeatureDialog: (dialog) => set(dialog === null ? { featureDialog: null } : { featureDialog: dialog, messages: get().messages.filter((message) => message.kind !== 'notice') }),
  }));
  return store;
}

export type KleinraumStore = ReturnType<typeof createKleinraumStore>;
