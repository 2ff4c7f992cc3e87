/**
 * German UI texts (the primary language). The keys of this catalogue define `MessageKey`; the English
 * catalogue (en.ts) must provide exactly the same keys, so a missing translation fails the typecheck.
 * Placeholders are written `{name}` and filled by `translate` (translate.ts).
 */
import { importTextsDe } from './features/import';
import { mapTextsDe } from './features/map';
import { exportTextsDe } from './features/export';
import { profileTextsDe } from './features/profiles';
import { planningTextsDe } from './features/planning';
import { analysisTextsDe } from './features/analysis';
import { sourceTextsDe } from './features/sources';
import { flowTextsDe } from './features/flows';
import { movementTextsDe } from './features/movement';
import { monitoringTextsDe } from './features/monitoring';

const coreDe = {
  'app.name': 'Kleinraum',
  'app.datePlaceholder': 'TT.MM.JJJJ',
  'app.dateInvalid': 'Kein gültiges Datum. Bitte als {format} eingeben, z. B. 31.12.2024.',
  'app.loading': 'Kleinraum wird geladen …',
  'app.noProject': 'Kein Projekt geöffnet. Über „Projekt“ ein Projekt öffnen oder die Demo laden.',
  'app.noLayer': 'Dieses Projekt enthält noch keine Gebietsebene. Grenzen importieren, um eine Karte zu sehen.',
  'app.noIndicator': 'Dieses Projekt enthält noch keine Kennzahl.',

  'menu.project': 'Projekt',
  'menu.new': 'Neu',
  'menu.open': 'Öffnen …',
  'menu.save': 'Speichern',
  'menu.saveAs': 'Speichern unter …',
  'menu.recent': 'Zuletzt geöffnet',
  'menu.recentEmpty': 'Noch keine zuletzt geöffneten Projekte',
  'menu.recentMissing': '(Datei fehlt)',
  'menu.demo': 'Demo öffnen',
  'menu.import': 'Importieren …',
  'toolbar.export': 'Karte exportieren …',

  'view.tabs': 'Ansichten',
  'view.map': 'Karte',
  'view.profiles': 'Profile',
  'view.planning': 'Planung',

  'language.label': 'Sprache',
  'language.switchTo': 'Auf Englisch umschalten',

  'picker.indicator': 'Kennzahl',
  'picker.period': 'Stichtag',
  'picker.layer': 'Gebietsebene',
  'picker.scaleGroup.absolute': 'Anzahl',
  'picker.scaleGroup.per1000': 'Je 1.000 Einwohner',
  'picker.scaleGroup.percent': 'Anteile in %',
  'picker.scaleGroup.perKm2': 'Je km²',
  'picker.scaleGroup.area': 'Flächen',

  'badge.synthetic': 'Beispieldaten, synthetisch',
  'badge.syntheticElsewhere': 'Beispieldaten im Projekt (synthetisch) – diese Karte zeigt keine davon',
  'badge.schematic': 'Schematische Grenzen – für Analysen amtliche Grenzen (VG250) laden',

  'legend.noData': 'keine Daten',
  'legend.stichtag': 'Stichtag {date}',
  'legend.areas': '{count} Gebiete',
  'legend.area': '1 Gebiet',
  'legend.classCount': 'Anzahl Gebiete',
  'legend.sources': 'Quellen',
  'legend.source': 'Quelle',
  'legend.fold': 'Legende einklappen',
  'legend.unfold': 'Legende aufklappen',
  'legend.foldToggle': 'Legende',
  'legend.details': 'Quellen und Hinweise',

  'tooltip.noData': 'keine Daten',
  'tooltip.smallNumber': 'Kleine Fallzahl: Wert unsicher',
  'progress.readingBoundaries': 'Grenzen lesen',
  'progress.readingTable': 'Tabelle lesen',
  'progress.loadingOfficialBoundaries': 'Amtliche Grenzen laden',
  'progress.committingImport': 'Import ins Projekt schreiben',
  'indicator.missing.noData': 'Keine Daten für „{variable}“ zum {date}',
  'indicator.missing.coded': '„{variable}“: {meaning}',
  'indicator.missing.codeNothing': 'nichts vorhanden („-“)',
  'indicator.missing.codeSecret': 'unbekannt oder geheim zu halten („.“)',
  'indicator.missing.codeNotMeaningful': 'Nachweis nicht sinnvoll („x“)',
  'indicator.missing.codeLater': 'Angabe fällt später an („...“)',
  'indicator.missing.codeUncertain': 'zu unsicher („/“)',
  'indicator.missing.suppressed': '„{variable}“: gesperrt (Geheimhaltung / kleine Fallzahl)',
  'indicator.missing.absent': '„{variable}“: Wert fehlt',
  'indicator.missing.noArea': 'Fläche des Gebiets unbekannt oder 0\u00a0km²',
  'indicator.missing.zeroDenominator': 'Bezugsgröße „{variable}“ ist 0',
  'indicator.missing.noBase': 'Kein Ausgangswert zum {date}',
  'indicator.missing.noBaseBecause': 'Kein Ausgangswert zum {date} ({reason})',
  'indicator.missing.zeroBase': 'Ausgangswert zum {date} ist 0; keine prozentuale Veränderung möglich',
  'indicator.missing.noRegionValue': 'Regionswert nicht berechenbar (nicht alle Gebiete haben Daten); kein Index möglich',
  'indicator.missing.notAdditive': 'Die Werte addieren sich nicht zu einem Regionswert (z.\u00a0B. ein Quotient); kein Index möglich',
  'indicator.missing.zeroRegion': 'Regionswert ist 0; kein Index möglich',
  'indicator.missing.none': 'kein Wert',
  'indicator.missing.absorbed': '{reason} – vermutlich in {successor} eingegliedert (Gebietsänderung)',
  'indicator.flag.smallCount': 'Kleine Fallzahl ({count}): Wert unsicher, er kann Personen erkennbar machen',
  'indicator.flag.smallDenominator': 'Kleine Bezugsgröße ({denominator} < {threshold}): die Quote schwankt stark',
  'indicator.flag.atComparePeriod': '{date}: {reason}',
  'indicator.flag.territory': 'Sprung vermutlich durch Gebietsänderung: {name} ({before}:\u00a0{value}) hat zum {after} keinen Wert mehr',
  'indicator.territory.absorbed': '{name} hat zum {after} keinen Wert mehr ({before}:\u00a0{value}), {successor} wuchs um {growth} ({percent}): vermutlich wurde {name} dort eingegliedert. Der Sprung wäre dann eine Gebietsänderung, keine Entwicklung.',
  'indicator.territory.oneEnded': 'Wert nur an einem der Stichtage {before} und {after}: {areas}. Hat sich der Gebietsstand geändert (Eingliederung, Fusion), sind Sprünge benachbarter Gebiete keine Entwicklung.',
  'indicator.areaBasis.official': 'Fläche: amtliche Katasterfläche (KFL)',
  'indicator.areaBasis.geometry': 'Fläche aus Geometrie berechnet',
  'indicator.areaBasis.mixed': 'Fläche: amtliche Katasterfläche (KFL), wo vorhanden, sonst aus Geometrie berechnet',
  'tooltip.quality': 'Qualität: {quality}',

  'quality.counted': 'gezählt',
  'quality.estimated': 'geschätzt',
  'quality.projected': 'projiziert',
  'quality.synthetic': 'synthetisch',
  'quality.suppressed': 'unterdrückt',
  'quality.none': '–',

  'table.title': 'Gebiete',
  'table.noIndicators': 'Das Projekt hat noch keine Kennzahlen: Tabellen mit Werten über Projekt → Importieren hinzufügen.',
  'table.name': 'Name',
  'table.key': 'Schlüssel',
  'table.value': 'Wert',
  'table.quality': 'Qualität',
  'table.sortAscending': 'aufsteigend sortiert',
  'table.sortDescending': 'absteigend sortiert',
  'table.sortBy': 'Sortieren nach {column}',
  'table.region': 'Region gesamt',

  'details.title': 'Gebiet',
  'details.empty': 'Ein Gebiet in der Karte oder Tabelle anklicken, um Details zu sehen.',
  'details.ags': 'AGS',
  'details.area': 'Fläche',
  'details.areaOfficial': '{value} km² (amtliche Fläche)',
  'details.areaGeometry': '{value} km² (aus Geometrie berechnet)',
  'details.indicators': 'Kennzahlen',
  'details.indicator': 'Kennzahl',
  'details.value': 'Gebiet',
  'details.regionValue': 'Region',
  'details.withheld': 'nicht ausgewiesen',
  'details.sources': 'Quellen',
  'details.stichtag': 'Stichtag {date}',
  'details.noStichtag': 'ohne Stichtag',
  'details.series': '{count} Stichtage, {from} – {to}',
  'details.close': 'Auswahl aufheben (Esc)',
  'details.loading': 'Details werden geladen …',

  'status.mode.electron': 'Desktop',
  'status.mode.browser': 'Browser',
  'status.unsaved': 'Ungespeicherte Änderungen',
  'status.saved': 'Gespeichert',
  'status.notSaved': 'Noch nicht gespeichert',
  'status.ready': 'Bereit',
  'status.progress': '{label}: Schritt {done} von {total}',
  'status.progressOpen': '{label} …',

  'files.openTitle': 'Projekt öffnen',
  'files.saveTitle': 'Projekt speichern unter',
  'files.name': 'Dateiname',
  'files.open': 'Öffnen',
  'files.save': 'Speichern',
  'files.cancel': 'Abbrechen',
  'files.up': 'Übergeordneter Ordner',
  'files.empty': 'Keine Ordner oder Projektdateien (.gpkg) hier.',
  'files.loading': 'Ordner wird gelesen …',
  'files.columnName': 'Name',
  'files.columnSize': 'Größe',
  'files.columnModified': 'Geändert',
  'files.location': 'Ordner',
  'files.places': 'Freigegebene Ordner',

  'unsaved.title': 'Ungespeicherte Änderungen',
  'unsaved.message': 'Das Projekt „{title}“ hat ungespeicherte Änderungen. Vorher speichern?',
  'unsaved.save': 'Speichern',
  'unsaved.discard': 'Nicht speichern',
  'unsaved.cancel': 'Abbrechen',

  'undo.group': 'Rückgängig und Wiederholen',
  'undo.undo': 'Rückgängig (Strg+Z)',
  'undo.redo': 'Wiederholen (Strg+Y)',
  'undo.undoWhat': 'Rückgängig: {what} (Strg+Z)',
  'undo.redoWhat': 'Wiederholen: {what} (Strg+Y)',
  'undo.nothing': 'Nichts rückgängig zu machen',
  'undo.nothingToRedo': 'Nichts zu wiederholen',
  'undo.symbology': 'Darstellung der Karte geändert',
  'undo.display': 'Beschriftung oder Hintergrund geändert',
  'undo.smallNumberThreshold': 'Schwelle kleiner Fallzahlen geändert',
  'undo.scenario': 'Szenario „{name}“ gespeichert',
  'undo.scenarioNew': 'Szenario „{name}“ angelegt',
  'undo.scenarioDelete': 'Szenario „{name}“ gelöscht',
  'undo.rates': 'Quoten oder Kosten geändert',
  'undo.supply': 'Einrichtungen oder Stellen geändert',
  'undo.supplyFromData': 'Herkunft des Angebots geändert',
  'undo.supplyImport': 'Einrichtungen importiert',
  'undo.sourceOrder': 'Quellenreihenfolge von „{variable}“ geändert',
  'error.title': 'Fehler',
  'notice.title': 'Erledigt',
  'error.dismiss': 'Meldung schließen',
  'notice.more': 'Mehr …',
  'notice.less': 'Weniger',
  'error.network': 'Keine Verbindung zum Kleinraum-Dienst. Bitte prüfen, ob „kleinraum serve“ noch läuft, und die Seite neu laden.',
  'error.partUnavailable': 'Dieser Teil von Kleinraum konnte nicht geladen werden (die Verbindung zum Kleinraum-Dienst fehlte kurz, oder er wurde neu gestartet). Das Projekt ist unverändert; bitte die Seite neu laden.',
  'error.reload': 'Seite neu laden',
  'error.unexpected': 'Die Antwort des Kleinraum-Dienstes war unerwartet. Bitte die Aktion wiederholen; die Projektdatei ist unverändert.',
  'error.noToken': 'Kein Zugang: Bitte Kleinraum über den Startlink öffnen, den „kleinraum serve“ ausgibt (er gilt einmal; für einen neuen Link Kleinraum neu starten).',
  'error.mapUnavailable': 'Die Karte kann nicht angezeigt werden (WebGL2 fehlt). Bitte einen aktuellen Browser verwenden.',
} as const;

/**
 * The German catalogue: the foundation's texts plus one module per feature (shared/i18n/features/). The
 * parts stay separate objects that `translate` searches in turn: merging them into one object (a spread of
 * about 950 keys) took about 10 ms at every start of a CLI command, the server and the page.
 */
export const deParts = [coreDe, importTextsDe, mapTextsDe, exportTextsDe, profileTextsDe, planningTextsDe, analysisTextsDe, sourceTextsDe, movementTextsDe, flowTextsDe, monitoringTextsDe] as const;

type KeysOf<Part> = Part extends unknown ? keyof Part : never;

/** Every text the UI can show. */
export type MessageKey = KeysOf<(typeof deParts)[number]>;
