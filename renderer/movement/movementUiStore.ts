/**
 * What the planner chose in the Zeitreihen & Bilanz tab (figure, order, layout, threshold, projection,
 * the stock of the balance). Kept outside the view, so leaving the tab (say, for "Bilanz auf der Karte
 * zeigen") and coming back shows and exports the same stock and figure, not the defaults again. The
 * choices belong to one opened project (`generation`): another project starts from its own defaults.
 */
import { create } from 'zustand';
import type { MULTIPLES_LAYOUTS } from '../../shared/contract/methods/movement';
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
  choose: (generation: number, patch: Partial<MovementChoices>) => void;
}

export const useMovementUi = create<MovementUiState>()((set, get) => ({
  generation: null,
  choices: DEFAULT_CHOICES,
  choose: (generation, patch) => set({ generation, choices: { ...(get().generation === generation ? get().choices : DEFAULT_CHOICES), ...patch } }),
}));

/** The choices for the project of `generation` (the defaults for a project not chosen in yet). */
export function movementChoicesFor(state: Pick<MovementUiState, 'generation' | 'choices'>, generation: number): MovementChoices {
  return state.generation === generation ? state.choices : DEFAULT_CHOICES;
}
