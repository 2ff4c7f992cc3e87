/**
 * `import.commit`: writes a pending import into the open project's working copy in ONE transaction (via
 * ProjectSession.edit): the layer or the observations, their source, missing variable / dimension
 * definitions and default indicators. Any failure rolls everything back: the project is as it was.
 *
 * A table enters the project explicitly (`mode`): as a further source next to the ones that already hold
 * its variables (the default — nothing is refused, nothing is added up: indicators keep drawing from the
 * variable's chosen sources), replacing one source's values for the file's Stichtage, or extending one
 * source's series with new Stichtage. The result says what was written where.
 */
import { shortSourceName } from '../../../../shared/sources/sourceChoiceLine';
import { sourceQuality } from '../../../../shared/contract/schemas';
import { UserError } from '../../../../shared/contract/errors';
import type { CommitResult } from '../../../../shared/contract/methods/import';
import type { z } from 'zod';
import type { commitInput } from '../../../../shared/contract/methods/import';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { slug, buildTableObservations, proposeNewVariableUnits } from '../../../../shared/fileFormats/table/tableMapping';
import type { LocalizedText, Observation, Source } from '../../../../shared/model/project';
import { dropOwnedFeatureTable, isValidFeatureTableName } from '../../storage/geopackageCore';
import { appendToSourceRanking, areaKeysAtLatestPeriod, mergeDimensionValues, mergeVariables, replaceSourceValues, sourceRepeatedBy, sourcesHolding, uniqueId, writeSourceStichtag, type ReplacementChanges } from '../../storage/importStore';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreaSizes, readLayerPosition, readLayers, readSettings, readSources, readVariables } from '../../storage/projectReader';
import { importedMovementRoles } from '../../../../shared/movement/accountVariables';
import { namedList, observationAreaName } from '../../../../shared/sources/observationAreaName';
import { fillMissingAreaNames, insertSource, writeLayer, writeObservations, writeSetting } from '../../storage/projectWriter';
import { featureTableNameFrom } from './boundaryPreview';
import { rowsWrittenUnderKeys, type PendingBoundaryImport, type PendingImport, type PendingTableImport } from './pendingImports';
import { OFFICIAL_AREA_VARIABLE } from '../../../../shared/model/project';
import { importedFromNote, nameForNewSource, normalizedSourceName, sourceNamed, takenSourceNameError } from '../../../../shared/sources/sourceNames';
import { continuedSourceOf, furtherSourceName, layoutSourcesAfterImport, layoutSourceSettingKey, rememberedLayoutSourceIds } from './sourceContinuation';

export type CommitInput = z.output<typeof commitInput>;
type CommitCounts = Omit<CommitResult, 'summary' | 'checkpoint'>;

/** Adds a new source (id from its name, unique) at the end of the project's list. */
function addSource(db: SqliteDatabase, source: Omit<Source, 'id'>): Source {
  const existing = readSources(db);
  const id = uniqueId(slug(source.name).slice(0, 48), new Set(existing.map((known) => known.id)));
  const added = { ...source, id };
  insertSource(db, added, existing.length);
  return added;
}

function findSource(db: SqliteDatabase, sourceId: string, flag: string): Source {
  const sources = readSources(db);
  const found = sources.find((source) => source.id === sourceId);
  if (!found) {
    throw new UserError('not-found', {
      de: `Die Quelle „${sourceId}“ gibt es in diesem Projekt nicht (${flag}). Vorhanden: ${sources.map((source) => source.id).join(', ') || 'keine'} (siehe kleinraum info).`,
      en: `The project has no source "${sourceId}" (${flag}). Available: ${sources.map((source) => source.id).join(', ') || 'none'} (see kleinraum info).`,
    });
  }
  return found;
}

/**
 * A further source joins variables that already have values at the END of their source ranking: the
 * figures keep drawing from the sources they had, and the new one only fills areas and Stichtage none of
 * them covers — each such value is marked on the map and in the legend ("aus nachrangiger Quelle"), never
 * silently mixed in and never added. Returns the variables whose figures keep showing another source.
 */
function joinAsFurtherSource(db: SqliteDatabase, observations: readonly Observation[], sourceId: string): { variable: string; shownSources: string[] }[] {
  const variables = [...new Set(observations.map((observation) => observation.variable))];
  const holding = sourcesHolding(db, variables);
  const chosen = new Map(readVariables(db).map((variable) => [variable.id, variable.sources]));
  // The message names the sources as the planner knows them, not by their ids.
  const names = new Map(readSources(db).map((source) => [source.id, shortSourceName(source.name)]));
  const kept: { variable: string; shownSources: string[] }[] = [];
  for (const variable of variables) {
    const others = (holding.get(variable) ?? []).map((entry) => entry.sourceId).filter((id) => id !== sourceId);
    if (others.length === 0) continue;
    const ranking = chosen.get(variable)?.length ? (chosen.get(variable) as string[]) : others;
    appendToSourceRanking(db, variable, ranking, sourceId);
    kept.push({ variable, shownSources: ranking.filter((id) => id !== sourceId).map((id) => names.get(id) ?? id) });
  }
  return kept;
}

function commitBoundaries(db: SqliteDatabase, pending: PendingBoundaryImport, input: CommitInput): CommitCounts {
  const layerName = input.layerName ? featureTableNameFrom(input.layerName) : pending.layerInfo.name;
  if (!isValidFeatureTableName(layerName)) {
    throw new UserError('bad-input', { de: `Ungültiger Ebenenname „${layerName}“.`, en: `Invalid layer name "${layerName}".` });
  }
  const layers = readLayers(db);
  const clash = layers.find((layer) => layer.name === layerName);
  if (clash && !input.replaceLayer) {
    throw new UserError('conflict', {
      de: `Das Projekt hat schon eine Ebene „${layerName}“. Bitte einen anderen Namen wählen oder „Ebene ersetzen“ (CLI: --layer-name NAME).`,
      en: `The project already has a layer "${layerName}". Please choose another name or "replace layer" (CLI: --layer-name NAME).`,
    });
  }
  const proposal = pending.source;
  // Two sources of one name could not be told apart in a menu, a legend or an export. The same file again
  // (a second layer of it) has the same Stichtag, which would tell nothing apart: its layer does.
  const sources = readSources(db);
  const sameFileAgain = input.sourceName === undefined && sourceNamed(sources, proposal.name)?.stichtag === proposal.stichtag;
  const sourceName = sameFileAgain
    ? nameForNewSource(`${proposal.name} – Ebene ${layerName}`, false, sources, null)
    : nameForNewSource(input.sourceName ?? proposal.name, input.sourceName !== undefined, sources, proposal.stichtag);
  const position = clash ? readLayerPosition(db, layerName) : layers.length;
  if (clash) dropOwnedFeatureTable(db, layerName);
  const source = addSource(db, {
    name: sourceName,
    publisher: input.publisher ?? proposal.publisher,
    stichtag: proposal.stichtag,
    licence: input.licence ?? proposal.licence,
    licenceUrl: proposal.licenceUrl,
    attribution: input.attribution ?? proposal.attribution,
    notes: 'Import',
    synthetic: false,
    definition: input.definition ?? '',
    quality: 'counted',
  });
  // Layers of one title could not be told apart in the layer picker, the legend or a figure (the Stadtteile
  // and the Stadtbezirke dissolved from the same file, both named by it): a second one adds its name.
  const proposedTitle = input.layerTitle ?? pending.layerInfo.title;
  const titleTaken = layers.some((layer) => layer.name !== layerName && (layer.title.de === proposedTitle.de || layer.title.en === proposedTitle.en));
  const title = titleTaken ? { de: `${proposedTitle.de} (${layerName})`, en: `${proposedTitle.en} (${layerName})` } : proposedTitle;
  writeLayer(db, { ...pending.layerInfo, name: layerName, title, sourceId: source.id, featureCount: pending.areas.length }, pending.areas, position);
  if (pending.observations.some((observation) => observation.period === '') && !input.period) {
    throw new UserError('bad-input', {
      de: 'Der Dienst nennt den Stichtag der Einwohnerzahlen nicht. Bitte den Stichtag angeben (z. B. 2022-12-31; CLI: --period JJJJ-MM-TT).',
      en: 'The service does not state the reference date of the population figures. Please give it (e.g. 2022-12-31; CLI: --period YYYY-MM-DD).',
    });
  }
  const observations = pending.observations.map((observation) => Object.assign({}, observation, { period: observation.period || input.period!, sourceId: source.id }));
  const furtherSourceOf = joinAsFurtherSource(db, observations, source.id);
  const created = mergeVariables(db, observations, pending.variables, source.id, input.createIndicators ?? true);
  writeObservations(db, observations);
  const periods = [...new Set(observations.map((observation) => observation.period))].sort();
  const furtherNames = variableNames(db, furtherSourceOf.map((entry) => entry.variable));
  const message: LocalizedText = {
    de: `Ebene „${title.de}“ mit ${formatNumber(pending.areas.length, 0, 'de')} Gebieten gespeichert${observations.length > 0 ? `, dazu ${formatNumber(observations.length, 0, 'de')} Werte (${periods.map((period) => formatDate(period, 'de')).join(', ')})` : ''}; Quelle „${source.name}“.${furtherNote(furtherSourceOf, furtherNames, 'de')}`,
    en: `Layer "${title.en}" with ${formatNumber(pending.areas.length, 0, 'en')} areas saved${observations.length > 0 ? `, with ${formatNumber(observations.length, 0, 'en')} values (${periods.map((period) => formatDate(period, 'en')).join(', ')})` : ''}; source "${source.name}".${furtherNote(furtherSourceOf, furtherNames, 'en')}`,
  };
  return {
    kind: 'boundaries',
    layer: layerName,
    features: pending.areas.length,
    rows: null,
    observations: observations.length,
    sourceId: source.id,
    ...created,
    mode: 'new-source',
    source: { id: source.id, name: source.name },
    written: { observations: observations.length, variables: [...new Set(observations.map((observation) => observation.variable))], periods },
    changes: null,
    breakdownTotals: { checked: 0, mismatched: 0 },
    reportedTotals: 0,
    unassignable: 0,
    message,
    dryRun: false,
  };
}

function furtherNote(kept: readonly { variable: string; shownSources: string[] }[], names: ReadonlyMap<string, LocalizedText>, locale: 'de' | 'en'): string {
  if (kept.length === 0) return '';
  const [open, close] = locale === 'de' ? ['„', '“'] : ['"', '"'];
  const list = kept.map((entry) => `${open}${names.get(entry.variable)?.[locale] ?? entry.variable}${close} (${entry.shownSources.join('; ')})`).join(', ');
  return locale === 'de'
    ? ` Als weitere Quelle gespeichert: Kennzahlen und Karte zeigen weiter ${list}; die neue Quelle füllt nur deren Lücken (markiert). Der Quellenvergleich stellt die Quellen nebeneinander, die Quelle der Karte ist wählbar.`
    : ` Saved as a further source: indicators and the map keep showing ${list}; the new source only fills their gaps (marked). The source comparison puts the sources side by side, and the map's source can be chosen.`;
}

function commitTable(db: SqliteDatabase, pending: PendingTableImport, input: CommitInput): CommitCounts {
  const areaByRow = new Map(pending.matchedByKey);
  for (const accepted of input.acceptedNameMatches ?? []) {
    if (!pending.layerKeys.has(accepted.areaKey) || !pending.table.rows[accepted.rowIndex]) {
      throw new UserError('bad-input', {
        de: `Die bestätigte Zuordnung Zeile ${accepted.rowIndex} → ${accepted.areaKey} passt nicht zur Vorschau. Bitte die Vorschau neu laden.`,
        en: `The confirmed match row ${accepted.rowIndex} → ${accepted.areaKey} does not fit the preview. Please reload the preview.`,
      });
    }
    if (!areaByRow.has(accepted.rowIndex)) areaByRow.set(accepted.rowIndex, accepted.areaKey);
  }
  const built = buildTableObservations(pending.table, pending.mapping, rowsWrittenUnderKeys(areaByRow, pending), 'pending', 'counted', input.period ?? null);
  if (built.periodMissing) {
    // A shapefile's .dbf chosen for its boundaries fails here first: say where the boundaries are.
    const shapefileNote = pending.table.warnings.find((warning) => warning.code === 'shapefile-attributes')?.text;
    throw new UserError('bad-input', {
      de: `Für die Werte ist kein Stichtag bekannt (weder Spalte noch Titel noch Dateiname nennen ihn). Bitte den Stichtag unter „Stichtag für alle Zeilen“ angeben (CLI: --period JJJJ-MM-TT).${shapefileNote ? ` ${shapefileNote.de}` : ''}`,
      en: `No reference date is known for the values (no column, title or file name states it). Please give the reference date under "Reference date for all rows" (CLI: --period YYYY-MM-DD).${shapefileNote ? ` ${shapefileNote.en}` : ''}`,
    });
  }
  // Rows repeating an area that nothing tells apart would be one figure twice: the preview's proposal names
  // the column to map as a breakdown instead of the writer's "Doppelte Beobachtung".
  if (pending.repeatedKeyHint) throw new UserError('bad-input', pending.repeatedKeyHint.text);
  const areaObservationCount = built.observations.filter((observation) => areaByRow.size > 0 && pending.layerKeys.has(observation.areaKey)).length;
  const mode = input.mode ?? 'new-source';
  if (areaObservationCount === 0) {
    throw new UserError('bad-input', {
      de: `Keine Zeile der Tabelle passt zu einem Gebiet der Ebene „${pending.layer}“; es gibt nichts zu übernehmen${mode === 'replace' ? ', und Ersetzen würde alle Werte der Quelle löschen' : ''}. Bitte Ebene und Schlüsselspalte prüfen (CLI: --layer, --key).`,
      en: `No row of the table matches an area of layer "${pending.layer}"; there is nothing to import${mode === 'replace' ? ', and replacing would delete every value of the source' : ''}. Please check the layer and key column (CLI: --layer, --key).`,
    });
  }
  const variableIds = [...new Set(pending.mapping.valueColumns.map((entry) => entry.variable))];
  let source: Source;
  let changes: ReplacementChanges | null = null;
  let furtherSourceOf: { variable: string; shownSources: string[] }[] = [];
  // Each value carries its source's quality: a new source's as the planner says it (an estimate stays
  // labelled as one), an existing one's own where a planner could have given it; the app's own flags
  // (synthetic for the demo's sources, suppressed) never pass to imported figures, which count as before.
  const tagged = (into: Source) => {
    const given = sourceQuality.safeParse(into.quality);
    const quality = given.success ? given.data : 'counted';
    return built.observations.map((observation) => Object.assign({}, observation, { sourceId: into.id, quality }));
  };
  let observations: Observation[];
  if (mode === 'new-source') {
    refuseRepeatedSource(db, built.observations);
    // Decided here with the Stichtage written (the command line's --period too), as the preview proposed it.
    const sourceName = input.sourceName !== undefined ? normalizedSourceName(input.sourceName) : furtherSourceName(readSources(db), pending.fileSourceName, built.periods);
    refuseTakenSourceName(db, sourceName, variableIds);
    source = addSource(db, {
      name: sourceName,
      publisher: input.publisher ?? pending.source.publisher,
      stichtag: input.period ?? pending.source.stichtag ?? built.periods.at(-1) ?? null,
      licence: input.licence ?? (/datenlizenz deutschland|dl-de/i.test(pending.table.footerNotes.join(' ')) ? 'dl-de/by-2-0' : ''),
      licenceUrl: null,
      attribution: input.attribution ?? pending.source.attribution,
      notes: importedFromNote(pending.fileName),
      synthetic: false,
      definition: input.definition ?? '',
      quality: input.quality ?? 'counted',
    });
    observations = tagged(source);
    furtherSourceOf = joinAsFurtherSource(db, observations, source.id);
  } else {
    const continuation =
      mode === 'extend' && !input.targetSourceId
        ? continuedSourceOf(readSources(db), sourcesHolding(db, variableIds), {
            fileName: pending.fileName,
            sourceName: pending.fileSourceName,
            periods: built.periods,
            areaKeys: built.observations.map((observation) => observation.areaKey),
            layoutSourceIds: rememberedLayoutSourceIds(readSettings(db), pending.headerSignature),
            areaKeysOf: (sourceId) => areaKeysAtLatestPeriod(db, sourceId, variableIds),
          })
        : null;
    const continued = continuation?.mode === 'extend' ? continuation.source.id : undefined;
    const targetId = input.targetSourceId ?? (mode === 'extend' ? (continued ?? defaultSeriesSource(db, variableIds)) : undefined);
    if (!targetId) {
      throw new UserError('bad-input', {
        de: 'Bitte die Quelle nennen, deren Werte ersetzt werden sollen (CLI: --as replace:QUELLE, Quellen zeigt kleinraum info).',
        en: 'Please name the source whose values are to be replaced (CLI: --as replace:SOURCE, kleinraum info lists them).',
      });
    }
    source = findSource(db, targetId, mode === 'replace' ? '--as replace:QUELLE' : '--source');
    observations = tagged(source);
    if (mode === 'extend') refuseKnownPeriods(db, source, observations);
    changes = replaceSourceValues(db, source.id, observations);
    if (mode === 'replace') refuseEmptyReplacement(source, observations, changes, built.periods, pending.layerKeys);
    const latest = [source.stichtag, ...built.periods].filter((period): period is string => period !== null).sort().at(-1) ?? null;
    writeSourceStichtag(db, source.id, latest);
  }
  mergeDimensionValues(db, built.dimensionValues);
  // A new variable gets the name and unit the planner gave it in the wizard (or on the command line), else
  // the proposal the wizard showed: persons, unless its values have fractions.
  const proposedUnits = proposeNewVariableUnits(pending.table, pending.mapping);
  // A new variable named as a movement of a stock (refugee_arrivals) is one, unless the planner says otherwise.
  const movements = importedMovementRoles(variableIds, readVariables(db));
  const variables = variableIds.map((id) => {
    const proposed = proposedUnits.get(id)!;
    const unit = id === OFFICIAL_AREA_VARIABLE ? proposed.unit : (input.variableUnits?.[id] ?? input.unit ?? proposed.unit);
    return {
      id,
      name: input.variableNames?.[id] ?? pending.proposedVariableNames.get(id) ?? { de: id, en: id },
      unit,
      ...(proposed.decimals !== undefined ? { decimals: proposed.decimals } : {}),
      kind: input.variableKinds?.[id] ?? (movements.has(id) ? 'flow' : 'stock'),
    };
  });
  const created = mergeVariables(db, observations, variables, source.id, input.createIndicators ?? true);
  writeObservations(db, observations);
  const namedAreas = nameAreasFromTable(db, pending, areaByRow);
  if (input.rememberMapping ?? true) {
    const { period: _period, ...shape } = pending.mapping;
    writeSetting(db, `import.mapping.${pending.headerSignature}`, shape);
    writeSetting(db, layoutSourceSettingKey(pending.headerSignature), layoutSourcesAfterImport(readSettings(db), pending.headerSignature, source.id));
  }
  const totalKeys = new Set(pending.reportedTotalRows.values());
  const unassignableKeys = new Set(pending.unassignableRows.values());
  const reportedTotals = observations.filter((observation) => totalKeys.has(observation.areaKey)).length;
  const unassignable = observations.filter((observation) => unassignableKeys.has(observation.areaKey)).length;
  const mismatched = built.breakdownTotals.filter((check) => Math.abs(check.total - check.sumOfParts) > 0.5).length;
  const removedAreas = changes && changes.removedKeys.length > 0 ? namedRemovedAreas(db, pending.layer, changes.removedKeys) : [];
  return {
    kind: 'table',
    layer: pending.layer,
    features: null,
    rows: areaByRow.size,
    observations: observations.length,
    sourceId: source.id,
    ...created,
    mode,
    source: { id: source.id, name: source.name },
    written: { observations: observations.length, variables: variableIds, periods: built.periods },
    changes: changes && { added: changes.added, changed: changes.changed, unchanged: changes.unchanged, removed: changes.removed, removedAreas },
    breakdownTotals: { checked: built.breakdownTotals.length, mismatched },
    reportedTotals,
    unassignable,
    message: withNamedAreas(tableMessage(mode, source, observations.length, variableNames(db, variableIds), built.periods, changes, removedAreas, furtherSourceOf), namedAreas),
    dryRun: false,
  };
}

/**
 * A file whose values are all already one source's (the same file imported again) is not added as a further
 * source: it would stand beside the original with the same figures. The preview says so before (the wizard
 * offers no "Importieren" for it); replacing that source stays possible.
 */
function refuseRepeatedSource(db: SqliteDatabase, observations: readonly Observation[]): void {
  const repeatedId = sourceRepeatedBy(db, observations);
  if (repeatedId === null) return;
  const name = readSources(db).find((source) => source.id === repeatedId)?.name ?? repeatedId;
  throw new UserError('conflict', {
    de: `Alle Werte der Datei stehen schon unverändert in der Quelle „${name}“: Sie wurde vermutlich schon importiert. Nichts geändert. Zum Aktualisieren dieser Quelle „Werte ersetzen“ wählen (CLI: --as replace:${repeatedId}).`,
    en: `Every value of the file is already, unchanged, in the source "${name}": it was most likely imported before. Nothing changed. To update that source, choose "replace values" (CLI: --as replace:${repeatedId}).`,
  });
}

/**
 * A new source named as one the project has would be two sources no menu, legend or export tells apart
 * ("kita.csv, sonst kita.csv"): refused. The message names the way out that works: where the taken source
 * holds the file's figures, extending its series (the same file of a later Stichtag); always another name.
 */
function refuseTakenSourceName(db: SqliteDatabase, name: string, variableIds: readonly string[]): void {
  const taken = sourceNamed(readSources(db), name);
  if (!taken) return;
  const holdsTheFigures = [...sourcesHolding(db, variableIds).values()].some((holders) => holders.some((holder) => holder.sourceId === taken.id));
  if (!holdsTheFigures) throw takenSourceNameError(taken.name);
  throw new UserError('conflict', {
    de: `Eine Quelle „${taken.name}“ gibt es in diesem Projekt schon. Nichts geändert. Neue Stichtage derselben Quelle: „Reihe einer Quelle fortschreiben“ wählen (CLI: --as extend --source ${taken.id}); eine andere Quelle: ihr einen eigenen Namen geben (CLI: --source NAME).`,
    en: `The project already has a source "${taken.name}". Nothing changed. New reference dates of the same source: choose "Extend the series of a source" (CLI: --as extend --source ${taken.id}); another source: give it a name of its own (CLI: --source NAME).`,
  });
}

/** The source an extension continues: the first chosen source of the file's first variable that has one. */
function defaultSeriesSource(db: SqliteDatabase, variableIds: readonly string[]): string | undefined {
  const variables = new Map(readVariables(db).map((variable) => [variable.id, variable]));
  for (const id of variableIds) {
    const first = variables.get(id)?.sources[0] ?? sourcesHolding(db, [id]).get(id)?.[0]?.sourceId;
    if (first) return first;
  }
  return undefined;
}

/**
 * A replace whose file holds no value for any area (every cell "-", ".", "x" or empty) would delete every
 * value the source has for those Stichtage: refused (the caller's transaction rolls the deletion back).
 */
function refuseEmptyReplacement(source: Source, incoming: readonly Observation[], changes: ReplacementChanges, periods: readonly string[], layerKeys: ReadonlySet<string>): void {
  if (incoming.some((observation) => layerKeys.has(observation.areaKey) && observation.value !== null)) return;
  const existing = changes.changed + changes.unchanged + changes.removed;
  if (existing === 0) return;
  const dates = (locale: 'de' | 'en') => periods.map((period) => formatDate(period, locale)).join(', ');
  throw new UserError('bad-input', {
    de: `Die Datei enthält für kein Gebiet einen Wert (alle Zellen fehlend, z. B. „-“ oder „.“): Ersetzen würde alle ${formatNumber(existing, 0, 'de')} Werte der Quelle „${source.name}“ zum ${dates('de')} löschen. Nichts geändert. Bitte Datei und Wertspalte prüfen oder als weitere Quelle importieren (CLI: --as new-source).`,
    en: `The file holds no value for any area (every cell missing, e.g. "-" or "."): replacing would delete all ${formatNumber(existing, 0, 'en')} values of the source "${source.name}" for ${dates('en')}. Nothing changed. Please check the file and its value column, or import it as a further source (CLI: --as new-source).`,
  });
}

/** An extension adds Stichtage; one the source already has would silently change values (that is a replace). */
function refuseKnownPeriods(db: SqliteDatabase, source: Source, observations: readonly Observation[]): void {
  const variables = [...new Set(observations.map((observation) => observation.variable))];
  const holding = sourcesHolding(db, variables);
  const names = new Map(readVariables(db).map((variable) => [variable.id, variable.name]));
  for (const variable of variables) {
    const known = new Set(holding.get(variable)?.find((entry) => entry.sourceId === source.id)?.periods ?? []);
    const clash = [...new Set(observations.filter((observation) => observation.variable === variable && known.has(observation.period)).map((observation) => observation.period))];
    if (clash.length > 0) {
      throw new UserError('conflict', {
        de: `Die Quelle „${source.name}“ hat für „${names.get(variable)?.de ?? variable}“ schon Werte zum ${clash.map((period) => formatDate(period, 'de')).join(', ')}. Fortschreiben fügt nur neue Stichtage an; zum Ersetzen „Werte einer Quelle ersetzen“ wählen (CLI: --as replace:${source.id}).`,
        en: `The source "${source.name}" already has values of "${names.get(variable)?.en ?? variable}" for ${clash.map((period) => formatDate(period, 'en')).join(', ')}. Extending only adds new dates; to replace, choose "Replace the values of a source" (CLI: --as replace:${source.id}).`,
      });
    }
  }
}

/**
 * Boundaries without a name field (the Zensus VG250 keeps only ARS) show their keys as names; a table with a
 * name column names them, area by matched row. Areas that have a name keep it.
 */
function nameAreasFromTable(db: SqliteDatabase, pending: PendingTableImport, areaByRow: ReadonlyMap<number, string>): number {
  const column = pending.mapping.nameColumn;
  if (column === null || column === undefined) return 0;
  const names = new Map<string, string>();
  for (const [rowIndex, key] of areaByRow) {
    const name = pending.table.rows[rowIndex]?.cells[column]?.trim() ?? '';
    if (name !== '' && !names.has(key)) names.set(key, name);
  }
  const label = pending.table.columns[column]?.label ?? '';
  return fillMissingAreaNames(db, pending.layer, names, `${label} (${pending.fileName})`);
}

function withNamedAreas(text: LocalizedText, named: number): LocalizedText {
  if (named === 0) return text;
  return {
    de: `${text.de} Die Grenzen hatten keine Namen: ${formatNumber(named, 0, 'de')} Gebiete heißen jetzt wie in der Tabelle.`,
    en: `${text.en} The boundaries had no names: ${formatNumber(named, 0, 'en')} areas are now named as in the table.`,
  };
}

/** The variables' names as planners read them ("Bevölkerung", not the id "population"), by id. */
function variableNames(db: SqliteDatabase, ids: readonly string[]): Map<string, LocalizedText> {
  const byId = new Map(readVariables(db).map((variable) => [variable.id, variable.name]));
  return new Map(ids.map((id) => [id, byId.get(id) ?? { de: id, en: id }]));
}

/** "1 Wert" / "2 Werte", "1 value" / "2 values". */
function valueCount(count: number, locale: 'de' | 'en'): string {
  const noun = locale === 'de' ? (count === 1 ? 'Wert' : 'Werte') : count === 1 ? 'value' : 'values';
  return `${formatNumber(count, 0, locale)} ${noun}`;
}

/**
 * The areas whose values a replacement removes, named: by the layer's names, a parent key by the name
 * another layer of the project gives it (a Kreis layer), else by what it is.
 */
function namedRemovedAreas(db: SqliteDatabase, layer: string, keys: readonly string[]): { key: string; name: LocalizedText }[] {
  const layerNames = new Map(readAreaSizes(db, layer).map((area) => [area.key, area.name]));
  const otherNames = new Map<string, string>();
  if (keys.some((key) => !layerNames.has(key))) {
    for (const other of readLayers(db)) {
      if (other.name === layer) continue;
      for (const area of readAreaSizes(db, other.name)) if (area.name !== area.key) otherNames.set(area.key, area.name);
    }
  }
  return keys.map((key) => ({ key, name: observationAreaName(key, layerNames, otherNames) }));
}

/** " (Ronnenberg, gemeldete Gesamtzahl …)": which areas a replacement took values from. */
function removedOf(removedAreas: readonly { name: LocalizedText }[], locale: 'de' | 'en'): string {
  return removedAreas.length === 0 ? '' : ` (${namedList(removedAreas.map((area) => area.name), locale)})`;
}

function tableMessage(
  mode: CommitCounts['mode'],
  source: Source,
  count: number,
  variables: ReadonlyMap<string, LocalizedText>,
  periods: readonly string[],
  changes: ReplacementChanges | null,
  removedAreas: readonly { name: LocalizedText }[],
  furtherSourceOf: readonly { variable: string; shownSources: string[] }[],
): LocalizedText {
  const dates = (locale: 'de' | 'en') => periods.map((period) => formatDate(period, locale)).join(', ');
  const names = (locale: 'de' | 'en') => [...variables.values()].map((name) => (locale === 'de' ? `„${name.de}“` : `"${name.en}"`)).join(', ');
  if (mode === 'replace' && changes) {
    return {
      de: `Werte der Quelle „${source.name}“ ersetzt (${names('de')}, ${dates('de')}): ${changes.changed} geändert, ${changes.added} neu, ${changes.removed} entfernt${removedOf(removedAreas, 'de')}, ${changes.unchanged} unverändert.`,
      en: `Values of the source "${source.name}" replaced (${names('en')}, ${dates('en')}): ${changes.changed} changed, ${changes.added} added, ${changes.removed} removed${removedOf(removedAreas, 'en')}, ${changes.unchanged} unchanged.`,
    };
  }
  if (mode === 'extend') {
    return {
      de: `Reihe der Quelle „${source.name}“ erweitert: ${valueCount(count, 'de')} von ${names('de')} zum ${dates('de')}.`,
      en: `Series of the source "${source.name}" extended: ${valueCount(count, 'en')} of ${names('en')} for ${dates('en')}.`,
    };
  }
  return {
    de: `${valueCount(count, 'de')} von ${names('de')} zum ${dates('de')} als Quelle „${source.name}“ gespeichert.${furtherNote(furtherSourceOf, variables, 'de')}`,
    en: `${valueCount(count, 'en')} of ${names('en')} for ${dates('en')} saved as the source "${source.name}".${furtherNote(furtherSourceOf, variables, 'en')}`,
  };
}

/** Writes `pending` into `db` (the caller runs this inside ProjectSession.edit, i.e. one transaction). */
export function commitPendingImport(db: SqliteDatabase, pending: PendingImport, input: CommitInput): CommitCounts {
  if (pending.kind === 'boundaries' && input.mode !== undefined && input.mode !== 'new-source') {
    throw new UserError('bad-input', {
      de: 'Grenzen kommen immer als eigene Ebene mit eigener Quelle; Ersetzen oder Erweitern gibt es nur für Tabellen (CLI: --as weglassen).',
      en: 'Boundaries always come as a layer with a source of their own; replace and extend apply to tables only (CLI: leave out --as).',
    });
  }
  return pending.kind === 'boundaries' ? commitBoundaries(db, pending, input) : commitTable(db, pending, input);
}
