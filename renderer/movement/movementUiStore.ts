/**
 * What the planner chose in the Zeitreihen & Bilanz tab (figure, order, layout, threshold, projection,
 * the stock of the balance). Kept outside the view, so leaving the tab (say, for "Bilanz auf der Karte
 * zeigen") and coming back shows and exports the same stock and figure, not the defaults again. The
 * choices belong to one opened project (`generation`): another project starts from its own defaults. A
 * saved project's choices are also kept in the browser's storage under its file path, so reopening it (or
 * reloading the page) shows the chosen stock again, not the first one; the project file is not changed.
 */
import { create } from 'zustand';
import { MULTIPLES_LAYOUTS } from '../../shared/contract/methods/movement';
import type { SeriesOrder } from '../../shared/movement/seriesOrder';

export interface MovementChoices {
  /** null: the default figure of the project (defaultSeriesIndicatorId). */
  indicatorId: string | null;
  sortBy: SeriesOrder;
  layout: (typeof MULTIPLES_LAYOUTS)[number];
  thresholdPercent: number;
  /** undefined: the first stored scenario (the backend's default); 'none': observed values only. */
  scenario: string | undefined;
  /** null: the first stock with arrivals and departures (the backend's default). */
  balanceStock: string | null;
}

const DEFAULT_CHOICES: MovementChoices = { indicatorId: null, sortBy: 'layer', layout: 'sorted', thresholdPercent: 1, scenario: undefined, balanceStock: null };

interface MovementUiState {
  generation: number | null;
  choices: MovementChoices;
  /** `path`: the project's file, under which the choices are stored; null for an unsaved project. */
  choose: (generation: number, path: string | null, patch: Partial<MovementChoices>) => void;
  /** Stores the project's choices under its file, once it has one (after "Speichern unter"). */
  remember: (generation: number, path: string | null) => void;
}

const STORAGE_PREFIX = 'kleinraum.movementChoices:';
const SERIES_ORDERS: readonly SeriesOrder[] = ['layer', 'name', 'last'];

/** The stored choices of a saved project, each only where it is of the right kind (storage is anyone's to edit). */
function parseChoices(text: string | null): MovementChoices {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // unreadable: the defaults
  }
  const { indicatorId, sortBy, layout, thresholdPercent, scenario, balanceStock } = stored;
  return {
    indicatorId: typeof indicatorId === 'string' ? indicatorId : DEFAULT_CHOICES.indicatorId,
    sortBy: SERIES_ORDERS.includes(sortBy as SeriesOrder) ? (sortBy as SeriesOrder) : DEFAULT_CHOICES.sortBy,
    layout: MULTIPLES_LAYOUTS.includes(layout as MovementChoices['layout']) ? (layout as MovementChoices['layout']) : DEFAULT_CHOICES.layout,
    thresholdPercent: typeof thresholdPercent === 'number' && thresholdPercent > 0 && thresholdPercent <= 100 ? thresholdPercent : DEFAULT_CHOICES.thresholdPercent,
    scenario: typeof scenario === 'string' ? scenario : DEFAULT_CHOICES.scenario,
    balanceStock: typeof balanceStock === 'string' ? balanceStock : DEFAULT_CHOICES.balanceStock,
  };
}

/** Read once per path, so a selector gets the same object back (a new one each time would render forever). */
const storedByPath = new Map<string, MovementChoices>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The choices stored for the project at `path`; the defaults for an unsaved project or none stored. */
function storedChoices(path: string | null): MovementChoices {
  if (path === null) return DEFAULT_CHOICES;
  let choices = storedByPath.get(path);
  if (!choices) {
    choices = parseChoices(storage()?.getItem(STORAGE_PREFIX + path) ?? null);
    storedByPath.set(path, choices);
  }
  return choices;
}

function storeChoices(path: string | null, choices: MovementChoices): void {
  if (path === null) return;
  storedByPath.set(path, choices);
  try {
    storage()?.setItem(STORAGE_PREFIX + path, JSON.stringify(choices));
  } catch {
    // storage full or switched off: the choices last as long as the page
  }
}

export const useMovementUi = create<MovementUiState>()((set, get) => ({
  generation: null,
  choices: DEFAULT_CHOICES,
  choose: (generation, path, patch) => {
    const choices = { ...(get().generation === generation ? get().choices : storedChoices(path)), ...patch };
    set({ generation, choices });
    storeChoices(path, choices);
  },
  remember: (generation, path) => {
    if (get().generation === generation) storeChoices(path, get().choices);
  },
}));

/** The choices for the project of `generation` (for a project not chosen in yet: those stored for its file, else the defaults). */
export function movementChoicesFor(state: Pick<MovementUiState, 'generation' | 'choices'>, generation: number, path: string | null): MovementChoices {
  return state.generation === generation ? state.choices : storedChoices(path);
}
