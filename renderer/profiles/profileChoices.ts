/**
 * What the planner chose in the Profile tab (view, scale, order, reference, typology, periods, A/B). A small
 * store of its own, so the choices survive switching tabs; the selection itself lives in the main store.
 */
import { create } from 'zustand';
import type { DeviationMeasure } from '../../shared/profiles/deviation';
import type { ProfileScaleMode, ProfileView } from '../../shared/profiles/profileTypes';

export type ProfileTabView = ProfileView | 'deviation' | 'compare';

export interface ProfileChoices {
  view: ProfileTabView;
  mode: ProfileScaleMode;
  /** null keeps the layer order. */
  sortBy: string | null;
  descending: boolean;
  filter: string;
  /** 'region', an area key, 'comparePeriod' or null. */
  reference: string | null;
  typologyGroups: number | null;
  /** Group the panels by the low / medium / high thirds of this key indicator (exclusive with a typology). */
  groupByIndicator: string | null;
  /** null: the latest period. */
  period: string | null;
  comparePeriod: string | null;
  indicatorId: string;
  measure: DeviationMeasure;
  compareA: string | null;
  compareB: string | null;
}

export const initialProfileChoices: ProfileChoices = {
  view: 'pyramid',
  mode: 'shares',
  sortBy: null,
  descending: true,
  filter: '',
  reference: 'region',
  typologyGroups: null,
  groupByIndicator: null,
  period: null,
  comparePeriod: null,
  indicatorId: 'refugeesPer1000',
  measure: 'index',
  compareA: null,
  compareB: null,
};

/**
 * Applies a change; a reference to the comparison date without a comparison date falls back to the region.
 * @example choicesChanged(initialProfileChoices, { comparePeriod: null }).reference // 'region'
 */
export function choicesChanged(state: ProfileChoices, change: Partial<ProfileChoices>): ProfileChoices {
  const next = { ...state, ...change };
  if (next.reference === 'comparePeriod' && next.comparePeriod === null) next.reference = 'region';
  return next;
}

interface ProfileChoicesStore extends ProfileChoices {
  choose(change: Partial<ProfileChoices>): void;
}

export const useProfileChoices = create<ProfileChoicesStore>()((set, get) => ({
  ...initialProfileChoices,
  choose: (change) => set(choicesChanged(get(), change)),
}));
