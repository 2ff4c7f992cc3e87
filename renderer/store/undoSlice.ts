/**
 * Undo slice: the one history of the user's edits across the app (map symbology and display, scenarios,
 * rates, facilities and staff). Each feature records an edit as two commands — how to go back and how to
 * go forward — with a label for the buttons' tooltips; Ctrl+Z / Ctrl+Y (and the top bar's buttons) run
 * them through the store. The history belongs to one project: opening another starts afresh.
 * Pure updaters; the store's actions run the commands.
 */
import type { LocalizedText } from '../../shared/model/project';

export interface UndoableEdit {
  /** What the edit did, e.g. "Farbpalette geändert". */
  label: LocalizedText;
  /** Restores the state before the edit. */
  undo(): Promise<unknown> | unknown;
  /** Applies the edit again. */
  redo(): Promise<unknown> | unknown;
}

export interface UndoSlice {
  undoStack: UndoableEdit[];
  redoStack: UndoableEdit[];
  /** True while an undo or redo runs (further presses queue behind it, in order). */
  undoRunning: boolean;
}

/** Edits kept; older ones are forgotten. */
export const UNDO_LIMIT = 50;

export const initialUndoSlice: UndoSlice = { undoStack: [], redoStack: [], undoRunning: false };

/** A new edit: on top of the history; whatever was undone before can no longer be redone. */
export function editRecorded(state: UndoSlice, edit: UndoableEdit): Pick<UndoSlice, 'undoStack' | 'redoStack'> {
  return { undoStack: [...state.undoStack.slice(-(UNDO_LIMIT - 1)), edit], redoStack: [] };
}

/** The history after the newest edit was undone. */
export function editUndone(state: UndoSlice): Pick<UndoSlice, 'undoStack' | 'redoStack'> {
  const edit = state.undoStack.at(-1);
  return edit ? { undoStack: state.undoStack.slice(0, -1), redoStack: [...state.redoStack, edit] } : { undoStack: state.undoStack, redoStack: state.redoStack };
}

/** The history after the newest undone edit was applied again. */
export function editRedone(state: UndoSlice): Pick<UndoSlice, 'undoStack' | 'redoStack'> {
  const edit = state.redoStack.at(-1);
  return edit ? { undoStack: [...state.undoStack, edit], redoStack: state.redoStack.slice(0, -1) } : { undoStack: state.undoStack, redoStack: state.redoStack };
}
