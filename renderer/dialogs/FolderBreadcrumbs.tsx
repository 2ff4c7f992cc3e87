/**
 * The path of the folder being browsed, as clickable crumbs, with a button to go one folder up. Shared by
 * the project file dialog and the import wizard's file picker.
 */
import { useT } from '../AppContext';
import { breadcrumbs } from './filePaths';

export interface FolderBreadcrumbsProps {
  dir: string | null;
  parent: string | null;
  /** Folders offered as shortcuts (browser mode's allowed folders); shown when there is more than one. */
  places?: readonly string[];
  onBrowse: (dir: string | undefined) => void;
}

export function FolderBreadcrumbs({ dir, parent, places = [], onBrowse }: FolderBreadcrumbsProps) {
  const t = useT();
  return (
    <>
      {places.length > 1 && (
        <div className="folder-places" role="group" aria-label={t('files.places')} data-testid="folder-places">
          <span>{t('files.places')}:</span>
          {places.map((place) => (
            <button type="button" key={place} className="crumb" title={place} onClick={() => onBrowse(place)}>
              {place}
            </button>
          ))}
        </div>
      )}
      <nav className="breadcrumbs" aria-label={t('files.location')}>
        {parent && (
          <button type="button" className="icon-button" aria-label={t('files.up')} title={t('files.up')} onClick={() => onBrowse(parent)}>
            ↑
          </button>
        )}
        {dir !== null &&
          breadcrumbs(dir).map((crumb, index, all) => (
            <span key={crumb.path}>
              <button type="button" className="crumb" aria-current={index === all.length - 1 ? 'location' : undefined} onClick={() => onBrowse(crumb.path)}>
                {crumb.label}
              </button>
              {index < all.length - 1 && crumb.label !== '/' && <span className="crumb-separator">›</span>}
            </span>
          ))}
      </nav>
    </>
  );
}
