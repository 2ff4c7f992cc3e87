/**
 * The map feature's own UI state: symbology choices made in this session (shown at once, before the
 * project setting that stores them comes back from the backend), the panel's and the legend's open state, basemap status and
 * the pointer over the map (here, not in the map panel's state, so a mouse move re-renders only the tooltip).
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { MapSymbology } from '../../shared/mapView/mapSymbology';
import type { MapDisplay } from '../../shared/settings/projectSettings';

export type BasemapStatus = 'off' | 'loading' | 'shown' | 'unavailable';

export interface MapUiState {
  /** Choices per "<generation>:<subject>" (indicator, or indicator.mode), so another project never inherits them. */
  symbologyOverrides: Record<string, MapSymbology>;
  displayOverride: { generation: number; display: MapDisplay } | null;
  panelOpen: boolean;
  /** The legend folded down to its title by the planner. */
  legendFolded: boolean;
  /** On a small map: the legend's notes and chosen-sources line unfolded by the planner. */
  legendDetailsOpen: boolean;
  basemapStatus: BasemapStatus;
  /** Where the pointer is over the map (CSS pixels in the map), null when it is elsewhere. */
  pointer: { x: number; y: number } | null;
  setSymbology(generation: number, subject: string, symbology: MapSymbology): void;
  setDisplay(generation: number, display: MapDisplay): void;
  setPanelOpen(open: boolean): void;
  setLegendFolded(folded: boolean): void;
  setLegendDetailsOpen(open: boolean): void;
  setBasemapStatus(status: BasemapStatus): void;
  setPointer(pointer: { x: number; y: number } | null): void;
}

/**
 * Below this window width (CSS px) the "Darstellung" panel is closed: at 1 024–1 199 px (a 1 366 px laptop
 * at 125 % scaling is 1 093) its 250 px left the map about 400 px. It starts so, and closes (or opens) when
 * the window is made narrower (or wider) across this width; one click on "Darstellung" opens it.
 */
const PANEL_OPEN_FROM_WIDTH = 1200;

export const useMapUi = create<MapUiState>()((set, get) => ({
  symbologyOverrides: {},
  displayOverride: null,
  panelOpen: typeof window === 'undefined' || window.innerWidth >= PANEL_OPEN_FROM_WIDTH,
  legendFolded: false,
  legendDetailsOpen: false,
  basemapStatus: 'off',
  pointer: null,
  setSymbology: (generation, subject, symbology) =>
    set({ symbologyOverrides: { ...get().symbologyOverrides, [`${generation}:${subject}`]: symbology } }),
  setDisplay: (generation, display) => set({ displayOverride: { generation, display } }),
  setPanelOpen: (open) => set({ panelOpen: open }),
  setLegendFolded: (folded) => set({ legendFolded: folded }),
  setLegendDetailsOpen: (open) => set({ legendDetailsOpen: open }),
  setBasemapStatus: (status) => set({ basemapStatus: status }),
  setPointer: (pointer) => set({ pointer }),
}));

/** Closes the "Darstellung" panel when the window becomes narrower than PANEL_OPEN_FROM_WIDTH, opens it when wider. */
export function usePanelFollowsWindowWidth(): void {
  useEffect(() => {
    let wide = window.innerWidth >= PANEL_OPEN_FROM_WIDTH;
    const onResize = () => {
      const nowWide = window.innerWidth >= PANEL_OPEN_FROM_WIDTH;
      if (nowWide === wide) return;
      wide = nowWide;
      useMapUi.getState().setPanelOpen(nowWide);
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
}
