/**
 * Top bar: app name, project title, project menu, indicator / Stichtag / layer pickers, language switch.
 */
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatDate } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { featureDialogs } from '../features';
import { ProjectMenu } from './ProjectMenu';
import { shownPeriods } from '../map/shownPeriods';
import { overlayForLayer } from '../store/overlaySlice';
import { fileNameOf } from '../dialogs/filePaths';
import { groupIndicatorsByScale } from './indicatorGroups';
import { indicatorLabel } from '../../shared/indicators/indicatorLabel';

export function TopBar() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const project = useKleinraum((state) => state.project);
  const indicatorId = useKleinraum((state) => state.indicatorId);
  const period = useKleinraum((state) => state.period);
  const periods = useKleinraum(shownPeriods);
  const layerName = useKleinraum((state) => state.layerName);
  const indicator = project?.indicators.find((candidate) => candidate.id === indicatorId);
  const nextUndo = useKleinraum((state) => state.undoStack.at(-1) ?? null);
  const nextRedo = useKleinraum((state) => state.redoStack.at(-1) ?? null);
  // A profile or analysis result on the map replaces the indicator there: the picker says so.
  const overlay = useKleinraum((state) => (state.activeView === 'map' ? overlayForLayer(state, state.layerName) : null));
  const groups = project ? groupIndicatorsByScale(project.indicators) : [];
  // The indicator and Stichtag here are the map's (and its table's); the other tabs choose their own, so
  // the header shows them only with the map, never a Stichtag that the tab on screen does not use.
  const mapShown = useKleinraum((state) => state.activeView === 'map');

  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="project-title" title={project?.path ?? undefined}>
        <span className="project-title-text" data-testid="project-title">
          {project?.title ?? ''}
        </span>
        {/* The file a project is kept in; one without a file says so in the status bar (no pill taking the name's room). */}
        {project?.path && (
          <span className="project-file" data-testid="project-file">
            {fileNameOf(project.path)}
          </span>
        )}
        {project?.dirty && <span className="dirty-dot" aria-label={t('status.unsaved')} title={t('status.unsaved')} />}
      </div>
      <ProjectMenu />
      <div className="pickers">
        {project && project.layers.length > 1 && (
          <label className="picker">
            <span>{t('picker.layer')}</span>
            <select data-testid="layer-select" value={layerName ?? ''} onChange={(event) => store.getState().chooseLayer(event.target.value)}>
              {project.layers.map((layer) => (
                <option key={layer.name} value={layer.name}>
                  {localized(layer.title, locale)}
                </option>
              ))}
            </select>
          </label>
        )}
        {mapShown && (
          <label className={overlay ? 'picker picker-indicator picker-inactive' : 'picker picker-indicator'} title={overlay ? t('map.overlay.indicatorHidden', { title: overlay.title }) : undefined}>
            <span>
              {t('picker.indicator')}
              {overlay && (
                // Short: the long title squeezed the header until its buttons wrapped; the map's bar and
                // this label's tooltip name what the map shows.
                <span className="picker-note" data-testid="indicator-picker-note">
                  {' '}
                  ({t('map.overlay.indicatorNotShown')})
                </span>
              )}
            </span>
            <select
              data-testid="indicator-select"
              value={indicatorId ?? ''}
              disabled={!project || project.indicators.length === 0}
              onChange={(event) => store.getState().chooseIndicator(event.target.value)}
            >
              {groups.map((group) => (
                <optgroup key={group.scale} label={t(`picker.scaleGroup.${group.scale}`)}>
                  {group.indicators.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {indicatorLabel(localized(candidate.name, locale), localized(candidate.unit, locale))}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        {mapShown && (
          <label className={overlay ? 'picker picker-period picker-inactive' : 'picker picker-period'} title={overlay ? t('map.overlay.indicatorHidden', { title: overlay.title }) : undefined}>
            <span>{t('picker.period')}</span>
            <select
              data-testid="period-select"
              value={period ?? ''}
              disabled={!indicator || periods.length === 0 || overlay !== null}
              onChange={(event) => store.getState().choosePeriod(event.target.value)}
            >
              {[...periods].reverse().map((candidate) => (
                <option key={candidate} value={candidate}>
                  {formatDate(candidate, locale)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="undo-buttons" role="group" aria-label={t('undo.group')}>
        <button
          type="button"
          className="icon-button undo-button"
          data-testid="undo-button"
          disabled={!nextUndo}
          title={nextUndo ? t('undo.undoWhat', { what: nextUndo.label[locale] }) : t('undo.nothing')}
          aria-label={nextUndo ? t('undo.undoWhat', { what: nextUndo.label[locale] }) : t('undo.undo')}
          onClick={() => void store.getState().undo()}
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-button undo-button"
          data-testid="redo-button"
          disabled={!nextRedo}
          title={nextRedo ? t('undo.redoWhat', { what: nextRedo.label[locale] }) : t('undo.nothingToRedo')}
          aria-label={nextRedo ? t('undo.redoWhat', { what: nextRedo.label[locale] }) : t('undo.redo')}
          onClick={() => void store.getState().redo()}
        >
          ↷
        </button>
      </div>
      {featureDialogs.export && project && project.layers.length > 0 && (
        <button type="button" className="button" data-testid="export-button" onClick={() => store.getState().openFeatureDialog('export')}>
          {t('toolbar.export')}
        </button>
      )}
      <button
        type="button"
        className="language-switch"
        data-testid="language-switch"
        aria-label={`${t('language.label')}: ${t('language.switchTo')}`}
        title={t('language.switchTo')}
        onClick={() => store.getState().setLocale(locale === 'de' ? 'en' : 'de')}
      >
        <span className={locale === 'de' ? 'active' : ''}>DE</span>
        <span className={locale === 'en' ? 'active' : ''}>EN</span>
      </button>
    </header>
  );
}
