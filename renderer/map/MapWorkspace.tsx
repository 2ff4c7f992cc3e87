/**
 * The map workspace: the map with legend and tooltip, and beside it the area table and the details panel.
 */
import { useT } from '../AppContext';
import { AreaTable } from '../panels/AreaTable';
import { DetailsPanel } from '../panels/DetailsPanel';
import { MapPanel } from './MapPanel';

export function MapWorkspace() {
  const t = useT();
  return (
    <>
      <MapPanel />
      <aside className="sidebar" aria-label={t('table.title')}>
        <AreaTable />
        <DetailsPanel />
      </aside>
    </>
  );
}
