/**
 * The map feature's own UI state: symbology choices made in this session (shown at once, before the
 * project setting that stores them comes back from the backend), the panel's open state, basemap status and
 * the pointer over the map (here, not in the map panel's state, so a mouse move re-renders only the tooltip).
 */
import { create } from 'zustand';
import type { MapSymbology } from '../../shared/mapView/mapSymbology';
import type { MapDisplay } from '../../shared/settings/projectSettings';

export type BasemapStatus = 'off' | 'loading' | 'shown' | 'unavailable';

export interface MapUiState {
  /** Choices per "<generation>:<subject>" (indicator, or indicator.mode), so another project never inherits them. */
  symbologyOverrides: Record<string, MapSymbology>;
  displayOverride: { generation: number; display: MapDisplay } | null;
  panelOpen: boolean;
  basemapStatus: BasemapStatus;
  /** Where the pointer is over the map (CSS pixels in the map), null when it is elsewhere. */
  pointer: { x: number; y: number } | null;
  setSymbology(generation: number, subject: string, symbology: MapSymbology): void;
  setDisplay(generation: number, display: MapDisplay): void;
  setPanelOpen(open: boolean): void;
  setBasemapStatus(status: BasemapStatus): void;
  setPointer(pointer: { x: number; y: number } | null): void;
}

export const useMapUi = create<MapUiState>()((set, get) => ({
  symbologyOverrides: {},
  displayOverride: null,
  panelOpen: true,
  basemapStatus: 'off',
  pointer: null,
  setSymbology: (generation, subject, symbology) =>
    set({ symbologyOverrides: { ...get().symbologyOverrides, [`${generation}:${subject}`]: symbology } }),
  setDisplay: (generation, display) => set({ displayOverride: { generation, display } }),
  setPanelOpen: (open) => set({ panelOpen: open }),
  setBasemapStatus: (status) => set({ basemapStatus: status }),
  setPointer: (pointer) => set({ pointer }),
}));
