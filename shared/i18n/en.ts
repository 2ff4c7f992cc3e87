/**
 * English UI texts. Typed against the German catalogue: a missing or extra key fails the typecheck.
 */
import type { deParts, MessageKey } from './de';
import { type importTextsDe, importTextsEn } from './features/import';
import { type mapTextsDe, mapTextsEn } from './features/map';
import { type exportTextsDe, exportTextsEn } from './features/export';
import { type profileTextsDe, profileTextsEn } from './features/profiles';
import { type planningTextsDe, planningTextsEn } from './features/planning';
import { type analysisTextsDe, analysisTextsEn } from './features/analysis';
import { type monitoringTextsDe, monitoringTextsEn } from './features/monitoring';
import { type flowTextsDe, flowTextsEn } from './features/flows';
import { type movementTextsDe, movementTextsEn } from './features/movement';
import { type sourceTextsDe, sourceTextsEn } from './features/sources';

type FeatureKey = keyof typeof importTextsDe | keyof typeof mapTextsDe | keyof typeof exportTextsDe | keyof typeof profileTextsDe | keyof typeof planningTextsDe | keyof typeof analysisTextsDe | keyof typeof sourceTextsDe | keyof typeof movementTextsDe | keyof typeof flowTextsDe | keyof typeof monitoringTextsDe;

const coreEn: Record<Exclude<MessageKey, FeatureKey>, string> = {
  'app.name': 'Kleinraum',
  'app.datePlaceholder': 'DD/MM/YYYY',
  'app.dateInvalid': 'Not a valid date. Please enter it as {format}, e.g. 31/12/2024.',
  'app.loading': 'Loading Kleinraum …',
  'app.noProject': 'No project open. Open a project or the demo from the “Project” menu.',
  'app.noLayer': 'This project has no area layer yet. Import boundaries to see a map.',
  'app.noIndicator': 'This project has no indicator yet.',

  'menu.project': 'Project',
  'menu.new': 'New',
  'menu.open': 'Open …',
  'menu.save': 'Save',
  'menu.saveAs': 'Save as …',
  'menu.recent': 'Recently opened',
  'menu.recentEmpty': 'No recently opened projects yet',
  'menu.recentMissing': '(file missing)',
  'menu.demo': 'Open demo',
  'menu.import': 'Import …',
  'toolbar.export': 'Export map …',

  'view.tabs': 'Views',
  'view.map': 'Map',
  'view.profiles': 'Profiles',
  'view.planning': 'Planning',

  'language.label': 'Language',
  'language.switchTo': 'Switch to German',

  'picker.indicator': 'Indicator',
  'picker.period': 'Reference date',
  'picker.layer': 'Area layer',
  'picker.scaleGroup.absolute': 'Counts',
  'picker.scaleGroup.per1000': 'Per 1,000 inhabitants',
  'picker.scaleGroup.percent': 'Shares in %',
  'picker.scaleGroup.perKm2': 'Per km²',
  'picker.scaleGroup.area': 'Areas',

  'badge.synthetic': 'Sample data, synthetic',
  'badge.syntheticElsewhere': 'Sample data in the project (synthetic) – this map shows none of it',
  'badge.schematic': 'Schematic boundaries – load official boundaries (VG250) for analyses',

  'legend.noData': 'no data',
  'legend.stichtag': 'Reference date {date}',
  'legend.areas': '{count} areas',
  'legend.area': '1 area',
  'legend.classCount': 'Number of areas',
  'legend.sources': 'Sources',
  'legend.source': 'Source',
  'legend.fold': 'Collapse legend',
  'legend.unfold': 'Expand legend',
  'legend.foldToggle': 'Legend',
  'legend.details': 'Sources and notes',

  'tooltip.noData': 'no data',
  'tooltip.smallNumber': 'Small count: value uncertain',
  'indicator.flag.smallCount': 'Small count ({count}): value uncertain, it may identify people',
  'indicator.flag.smallDenominator': 'Small denominator ({denominator} < {threshold}): the rate fluctuates strongly',
  'indicator.flag.atComparePeriod': '{date}: {reason}',
  'indicator.flag.territory': 'Jump probably from a boundary change: {name} ({before}:\u00a0{value}) has no value at {after}',
  'indicator.territory.absorbed': '{name} has no value at {after} ({before}:\u00a0{value}), while {successor} grew by {growth} ({percent}): {name} was probably merged into it. The jump would then reflect a boundary change, not a real development.',
  'indicator.territory.oneEnded': 'A value at only one of {before} and {after}: {areas}. If boundaries changed (incorporation, merger), jumps in neighbouring areas reflect that change, not a real development.',
  'indicator.areaBasis.official': 'Area: official land area (KFL)',
  'indicator.areaBasis.geometry': 'Area computed from the geometry',
  'indicator.areaBasis.mixed': 'Area: official land area (KFL) where available, else computed from the geometry',
  'tooltip.quality': 'Quality: {quality}',

  'quality.counted': 'counted',
  'quality.estimated': 'estimated',
  'quality.projected': 'projected',
  'quality.synthetic': 'synthetic',
  'quality.suppressed': 'suppressed',
  'quality.none': '–',

  'table.title': 'Areas',
  'table.noIndicators': 'The project has no indicators yet: add tables with values through Project → Import.',
  'table.name': 'Name',
  'table.key': 'Key',
  'table.value': 'Value',
  'table.quality': 'Quality',
  'table.sortAscending': 'sorted ascending',
  'table.sortDescending': 'sorted descending',
  'table.sortBy': 'Sort by {column}',
  'table.region': 'Whole region',

  'details.title': 'Area',
  'details.empty': 'Click an area on the map or in the table to see its details.',
  'details.ags': 'AGS',
  'details.area': 'Area',
  'details.areaOfficial': '{value} km² (official area)',
  'details.areaGeometry': '{value} km² (computed from the geometry)',
  'details.indicators': 'Indicators',
  'details.indicator': 'Indicator',
  'details.value': 'Area',
  'details.regionValue': 'Region',
  'details.sources': 'Sources',
  'details.stichtag': 'Reference date {date}',
  'details.noStichtag': 'no reference date',
  'details.series': '{count} reference dates, {from} – {to}',
  'details.close': 'Clear selection (Esc)',
  'details.loading': 'Loading details …',

  'status.mode.electron': 'Desktop',
  'status.mode.browser': 'Browser',
  'status.unsaved': 'Unsaved changes',
  'status.saved': 'Saved',
  'status.notSaved': 'Not saved yet',
  'status.ready': 'Ready',
  'status.progress': '{label}: {done} of {total}',
  'status.progressOpen': '{label}: {done}',

  'files.openTitle': 'Open project',
  'files.saveTitle': 'Save project as',
  'files.name': 'File name',
  'files.open': 'Open',
  'files.save': 'Save',
  'files.cancel': 'Cancel',
  'files.up': 'Parent folder',
  'files.empty': 'No folders or project files (.gpkg) here.',
  'files.loading': 'Reading folder …',
  'files.columnName': 'Name',
  'files.columnSize': 'Size',
  'files.columnModified': 'Modified',
  'files.location': 'Folder',
  'files.places': 'Allowed folders',

  'unsaved.title': 'Unsaved changes',
  'unsaved.message': 'The project “{title}” has unsaved changes. Save them first?',
  'unsaved.save': 'Save',
  'unsaved.discard': "Don't save",
  'unsaved.cancel': 'Cancel',

  'undo.group': 'Undo and redo',
  'undo.undo': 'Undo (Ctrl+Z)',
  'undo.redo': 'Redo (Ctrl+Y)',
  'undo.undoWhat': 'Undo: {what} (Ctrl+Z)',
  'undo.redoWhat': 'Redo: {what} (Ctrl+Y)',
  'undo.nothing': 'Nothing to undo',
  'undo.nothingToRedo': 'Nothing to redo',
  'undo.symbology': 'Map symbology changed',
  'undo.display': 'Labels or background changed',
  'undo.scenario': 'Scenario “{name}” saved',
  'undo.scenarioNew': 'Scenario “{name}” created',
  'undo.scenarioDelete': 'Scenario “{name}” deleted',
  'undo.rates': 'Rates or costs changed',
  'undo.supply': 'Facilities or staff changed',
  'undo.supplyFromData': 'Origin of the supply changed',
  'undo.supplyImport': 'Facilities imported',
  'undo.sourceOrder': 'Source order of "{variable}" changed',
  'error.title': 'Error',
  'notice.title': 'Done',
  'error.dismiss': 'Dismiss message',
  'notice.more': 'More …',
  'notice.less': 'Less',
  'error.network': 'No connection to the Kleinraum service. Please check that “kleinraum serve” is still running and reload the page.',
  'error.partUnavailable': 'This part of Kleinraum could not be loaded (the connection to the Kleinraum service dropped for a moment, or it was restarted). The project is unchanged; please reload the page.',
  'error.reload': 'Reload page',
  'error.unexpected': 'The Kleinraum service sent an unexpected answer. Please try again; the project file is unchanged.',
  'error.noToken': 'No access: please open Kleinraum with the start link printed by “kleinraum serve” (it works once; restart Kleinraum for a new link).',
  'error.mapUnavailable': 'The map cannot be shown (WebGL2 is missing). Please use a current browser.',
};

/** The English catalogue in the German catalogue's parts (see de.ts), each typed against its German part. */
/** Part for part as the German catalogue: a part left out, or put in another place, fails the typecheck. */
type PartsLike<Parts extends readonly object[]> = { readonly [Index in keyof Parts]: Record<keyof Parts[Index], string> };

export const enParts: PartsLike<typeof deParts> = [coreEn, importTextsEn, mapTextsEn, exportTextsEn, profileTextsEn, planningTextsEn, analysisTextsEn, sourceTextsEn, movementTextsEn, flowTextsEn, monitoringTextsEn];
