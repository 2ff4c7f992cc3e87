/**
 * The registry of workspace views (tabs) and feature dialogs. A feature folder (renderer/profiles,
 * renderer/planning, renderer/import, renderer/export …) adds its entry here; the app shell renders tabs,
 * menu items and buttons from this list, so features do not edit the shell.
 */
import { lazy, type ComponentType } from 'react';
import type { MessageKey } from '../shared/i18n/translate';
import { loadContract } from '../shared/contract/api';
import { MapWorkspace } from './map/MapWorkspace';
import type { FeatureDialog, WorkspaceView } from './store/uiSlice';

/**
 * The map is in the page's first script; every other view and dialog is a chunk of its own, loaded on first
 * use and, before that, when the browser is idle after the first map (preloadFeatures). The first script
 * was 1.9 MB with all of them, parsed before the page could ask for its project.
 */
const loaders: (() => Promise<unknown>)[] = [];
function lazyPart<Props>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  loaders.push(load);
  // One more try after a failed fetch (a server restarting); after that, PartErrorBoundary says what to do.
  return lazy(async () => ({ default: await load().catch(() => load()) }));
}

/**
 * Loads every lazily loaded view and dialog now, and the contract's schemas (once the first map is drawn
 * and the browser is idle), so that a later tab, dialog or answer needs nothing more from the server.
 */
export function preloadFeatures(): void {
  for (const load of loaders) void load().catch(() => {});
  void loadContract().catch(() => {});
}

export interface WorkspaceViewEntry {
  id: WorkspaceView;
  label: MessageKey;
  component: ComponentType;
}

/** Tabs of the workspace, in display order. The map is always first. */
export const workspaceViews: WorkspaceViewEntry[] = [
  { id: 'map', label: 'view.map', component: MapWorkspace },
  { id: 'profiles', label: 'view.profiles', component: lazyPart(async () => (await import('./profiles/ProfilesView')).ProfilesView) },
  { id: 'planning', label: 'view.planning', component: lazyPart(async () => (await import('./planning/PlanningWorkspace')).PlanningWorkspace) },
  { id: 'analysis', label: 'view.analysis', component: lazyPart(async () => (await import('./analysis/AnalysisView')).AnalysisView) },
  { id: 'sources', label: 'view.sources', component: lazyPart(async () => (await import('./sources/SourcesView')).SourcesView) },
  { id: 'movement', label: 'view.movement', component: lazyPart(async () => (await import('./movement/MovementView')).MovementView) },
  { id: 'monitoring', label: 'view.monitoring', component: lazyPart(async () => (await import('./monitoring/MonitoringView')).MonitoringView) },
];

export interface FeatureDialogProps {
  onClose: () => void;
}

/**
 * Dispatched on `window` (cancelable) when Escape would close the open feature dialog. A dialog that holds
 * work a planner would lose (the import's mapping) cancels it and asks first; otherwise the dialog closes.
 */
export const DIALOG_ESCAPE_EVENT = 'kleinraum-dialog-escape';

/** Dialogs opened from the project menu (import) or the top bar (export). */
export const featureDialogs: Partial<Record<FeatureDialog, ComponentType<FeatureDialogProps>>> = {
  import: lazyPart(async () => (await import('./import/ImportDialog')).ImportDialog),
  export: lazyPart(async () => (await import('./export/ExportDialog')).ExportDialog),
};
