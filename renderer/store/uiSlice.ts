/**
 * UI slice: error messages (toasts), the open dialog, and progress of long backend tasks.
 */
import type { EventPayload } from '../../shared/contract/api';
import type { LocalizedText } from '../../shared/model/project';

export interface UiMessage {
  id: number;
  text: LocalizedText;
  /** 'error' (default) or a 'notice' saying what a command did (e.g. what an import wrote where). */
  kind?: 'error' | 'notice';
  /** A notice's heading (errors are headed "Fehler"). */
  title?: LocalizedText;
}

export type FileDialogPurpose = 'open' | 'saveAs';

/** The main views of the workspace, shown as tabs. */
export const WORKSPACE_VIEWS = ['map', 'profiles', 'planning', 'analysis', 'sources', 'movement', 'monitoring'] as const;
export type WorkspaceView = (typeof WORKSPACE_VIEWS)[number];

/** Dialogs of the features (each feature folder renders its own). */
export type FeatureDialog = 'import' | 'export';

export interface UiSlice {
  messages: UiMessage[];
  fileDialog: FileDialogPurpose | null;
  /** Running backend tasks by task id. */
  progress: Record<string, EventPayload<'progress'>>;
  /** True while a project is being opened/created. */
  busy: boolean;
  /** The "unsaved changes" question is shown. */
  unsavedPromptOpen: boolean;
  activeView: WorkspaceView;
  featureDialog: FeatureDialog | null;
}

export const initialUiSlice: UiSlice = { messages: [], fileDialog: null, progress: {}, busy: false, unsavedPromptOpen: false, activeView: 'map', featureDialog: null };

/** Adds a message; identical texts already shown are not stacked twice. */
export function messageAdded(state: UiSlice, text: LocalizedText, id: number, notice?: { title: LocalizedText }): Partial<UiSlice> {
  if (state.messages.some((message) => message.text.de === text.de && message.text.en === text.en)) return {};
  return { messages: [...state.messages, notice ? { id, text, kind: 'notice', title: notice.title } : { id, text }] };
}

/** Drops the notices (what an edit did, "Rückgängig mit Strg+Z"): an undo or redo makes them stale. Errors stay. */
export function noticesDismissed(state: UiSlice): Partial<UiSlice> {
  return { messages: state.messages.filter((message) => message.kind !== 'notice') };
}

export function messageDismissed(state: UiSlice, id: number): Partial<UiSlice> {
  return { messages: state.messages.filter((message) => message.id !== id) };
}

/** Tracks a task until it reports `finished`, then forgets it. */
export function progressReceived(state: UiSlice, event: EventPayload<'progress'>): Partial<UiSlice> {
  const progress = { ...state.progress };
  if (event.finished) delete progress[event.taskId];
  else progress[event.taskId] = event;
  return { progress };
}
