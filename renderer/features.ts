/**
 * The registry of workspace views (tabs) and feature dialogs. A feature folder (renderer/profiles,
 * renderer/planning, renderer/import, renderer/export …) adds its entry here; the app shell renders tabs,
 * menu items and buttons from this list, so features do not edit the shell.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../shared/i18n/translate';
import { ImportDialog } from './import/ImportDialog';
import { ExportDialog } from './export/ExportDialog';
import { MapWorkspace } from './map/MapWorkspace';
import { PlanningWorkspace } from './planning/PlanningWorkspace';
import { ProfilesView } from './profiles/ProfilesView';
import { AnalysisView } from './analysis/AnalysisView';
import { SourcesView } from './sources/SourcesView';
import { MovementView } from './movement/MovementView';
import { MonitoringView } from './monitoring/MonitoringView';
import type { FeatureDialog, WorkspaceView } from './store/uiSlice';

export interface WorkspaceViewEntry {
  id: WorkspaceView;
  label: MessageKey;
  component: ComponentType;
}

/** Tabs of the workspace, in display order. The map is always first. */
export const workspaceViews: WorkspaceViewEntry[] = [
  { id: 'map', label: 'view.map', component: MapWorkspace },
  { id: 'profiles', label: 'view.profiles', component: ProfilesView },
  { id: 'planning', label: 'view.planning', component: PlanningWorkspace },
  { id: 'analysis', label: 'view.analysis', component: AnalysisView },
  { id: 'sources', label: 'view.sources', component: SourcesView },
  { id: 'movement', label: 'view.movement', component: MovementView },
  { id: 'monitoring', label: 'view.monitoring', component: MonitoringView },
];

export interface FeatureDialogProps {
  onClose: () => void;
}

/** Dialogs opened from the project menu (import) or the top bar (export). */
export const featureDialogs: Partial<Record<FeatureDialog, ComponentType<FeatureDialogProps>>> = {
  import: ImportDialog,
  export: ExportDialog,
};
