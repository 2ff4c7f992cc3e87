/**
 * Choosing one file for a tab's own import (facilities, origin–destination tables): the native dialog
 * where Electron offers one, otherwise browser mode's folder list (`files.list`) with breadcrumbs, folders
 * to open and files to pick. The caller places the "browse" button and the list where its layout wants
 * them; the main import wizard has its own, richer picker (ImportFilePicker).
 */
import { useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../shared/contract/api';
import { useBackend } from '../api/backend';
import { FolderBreadcrumbs } from './FolderBreadcrumbs';

type Listing = MethodOutput<'files.list'>;

export interface FileChooserOptions {
  /** Extensions offered, without the dot. */
  extensions: readonly string[];
  /** Title of the native dialog. */
  dialogTitle: string;
  /** Receives the chosen file's path. */
  onPick: (path: string) => void;
  /** Receives a failure of the dialog or of the folder listing. */
  onError: (caught: unknown) => void;
  /** Class of the list's container (the tab's styling). */
  className: string;
  testId?: string;
}

export interface FileChooser {
  /** Opens the native dialog, or the folder list at `dir` (the user's home folder when not given). */
  browse: (dir?: string) => Promise<void>;
  /** The folder list while it is open, else null. */
  listingView: ReactNode;
}

export function useFileChooser({ extensions, dialogTitle, onPick, onError, className, testId }: FileChooserOptions): FileChooser {
  const backend = useBackend();
  const [listing, setListing] = useState<Listing | null>(null);

  const browse = async (dir?: string): Promise<void> => {
    if (dir === undefined && backend.transportKind === 'bridge') {
      try {
        const chosen = await backend.call('dialog.openFile', { title: dialogTitle, extensions: [...extensions] });
        if (chosen.supported) {
          if (chosen.path) onPick(chosen.path);
          return;
        }
      } catch (caught) {
        onError(caught);
        return;
      }
    }
    backend
      .call('files.list', dir === undefined ? { extensions: [...extensions] } : { dir, extensions: [...extensions] })
      .then(setListing)
      .catch(onError);
  };

  const listingView = listing && (
    <div className={className} data-testid={testId}>
      <FolderBreadcrumbs dir={listing.dir} parent={listing.parent} places={listing.places} onBrowse={(dir) => void browse(dir)} />
      <ul>
        {listing.entries.map((entry) => (
          <li key={entry.path}>
            <button
              type="button"
              onClick={() => {
                if (entry.kind === 'dir') void browse(entry.path);
                else {
                  onPick(entry.path);
                  setListing(null);
                }
              }}
            >
              {entry.kind === 'dir' ? '📁' : '📄'} {entry.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
  return { browse, listingView };
}
