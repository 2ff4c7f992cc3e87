/**
 * Indicator values and area details for the open project: reads what the pure computation
 * (shared/indicators) needs from the working copy and wraps the result in the contract's shapes.
 */
import type { AreaDetails, IndicatorValues } from '../../../shared/contract/api';
import { UserError } from '../../../shared/contract/errors';
import { computableIndicatorPeriods } from '../../../shared/indicators/computableIndicatorPeriods';
import { computeIndicatorValues, DEFAULT_SMALL_NUMBER_THRESHOLD } from '../../../shared/indicators/computeIndicatorValues';
import type { IndicatorDefinition, Source } from '../../../shared/model/project';
import type { SqliteDatabase } from '../storage/openDatabase';
import { readAreas, readIndicators, readObservations, readPeriodsByVariable, readSettings, readSources, readVariables } from '../storage/projectReader';

/** Project setting holding the small-number threshold (a whole number ≥ 1). */
export const SMALL_NUMBER_THRESHOLD_SETTING = 'smallNumberThreshold';

export function smallNumberThreshold(settings: Record<string, string>): number {
  const parsed = Number(settings[SMALL_NUMBER_THRESHOLD_SETTING]);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : DEFAULT_SMALL_NUMBER_THRESHOLD;
}

function findIndicator(db: SqliteDatabase, indicatorId: string): IndicatorDefinition {
  const indicator = readIndicators(db).find((candidate) => candidate.id === indicatorId);
  if (!indicator) {
    throw new UserError('not-found', {
      de: `Die Kennzahl „${indicatorId}“ gibt es in diesem Projekt nicht. Bitte eine Kennzahl aus der Liste wählen.`,
      en: `The indicator "${indicatorId}" does not exist in this project. Please choose one from the list.`,
    });
  }
  return indicator;
}

function indicatorVariables(indicator: IndicatorDefinition): string[] {
  return [indicator.numerator.variable, ...(indicator.denominator ? [indicator.denominator.variable] : [])];
}

/** Values of one indicator for all areas of `layerName` at `period` (default: the latest computable period). */
export function indicatorValuesFor(db: SqliteDatabase, indicatorId: string, layerName: string, period: string | undefined): IndicatorValues {
  return db.transaction((): IndicatorValues => {
    const indicator = findIndicator(db, indicatorId);
    const periods = computableIndicatorPeriods(indicator, readPeriodsByVariable(db));
    const chosenPeriod = period ?? periods.at(-1);
    if (chosenPeriod === undefined) {
      throw new UserError('not-found', {
        de: `Für die Kennzahl „${indicator.name.de}“ gibt es noch keine Daten. Bitte zuerst die Daten für Zähler und Nenner importieren.`,
        en: `There is no data for the indicator "${indicator.name.en}" yet. Please import the data for numerator and denominator first.`,
      });
    }
    const areas = readAreas(db, layerName);
    const variableNames = Object.fromEntries(readVariables(db).map((variable) => [variable.id, variable.name.de]));
    const computed = computeIndicatorValues({
      indicator,
      areas,
      observations: readObservations(db, { variables: indicatorVariables(indicator), period: chosenPeriod }),
      period: chosenPeriod,
      smallNumberThreshold: smallNumberThreshold(readSettings(db)),
      variableNames,
    });
    const sourcesById = new Map(readSources(db).map((source) => [source.id, source]));
    return {
      indicator: { ...summaryOf(indicator), periods },
      layer: layerName,
      period: chosenPeriod,
      values: computed.values,
      sources: computed.sourceIds.flatMap((id) => sourcesById.get(id) ?? []),
      regionValue: computed.regionValue,
    };
  })();
}

function summaryOf(indicator: IndicatorDefinition) {
  return { id: indicator.id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals, scale: indicator.scale, description: indicator.description };
}

/** All indicators for one area at `period` (default: the latest period any indicator can be computed for). */
export function areaDetailsFor(db: SqliteDatabase, layerName: string, areaKey: string, period: string | undefined): AreaDetails {
  return db.transaction((): AreaDetails => {
    const areas = readAreas(db, layerName);
    const area = areas.find((candidate) => candidate.key === areaKey);
    if (!area) {
      throw new UserError('not-found', {
        de: `Das Gebiet „${areaKey}“ gibt es in der Ebene „${layerName}“ nicht. Bitte ein Gebiet auf der Karte wählen.`,
        en: `The area "${areaKey}" does not exist in layer "${layerName}". Please pick an area on the map.`,
      });
    }
    const indicators = readIndicators(db);
    const periodsByVariable = readPeriodsByVariable(db);
    const chosenPeriod = period ?? indicators.flatMap((indicator) => computableIndicatorPeriods(indicator, periodsByVariable)).sort().at(-1) ?? '';
    const variableNames = Object.fromEntries(readVariables(db).map((variable) => [variable.id, variable.name.de]));
    const threshold = smallNumberThreshold(readSettings(db));
    const sourcesById = new Map(readSources(db).map((source) => [source.id, source]));
    const usedSources = new Map<string, Source>();
    const details = indicators.map((indicator) => {
      const computed = computeIndicatorValues({
        indicator,
        areas,
        observations: readObservations(db, { variables: indicatorVariables(indicator), period: chosenPeriod }),
        period: chosenPeriod,
        smallNumberThreshold: threshold,
        variableNames,
      });
      const value = computed.values.find((candidate) => candidate.key === areaKey);
      if (!value) throw new Error(`computeIndicatorValues lost area ${areaKey}`);
      for (const id of computed.sourceIds) {
        const source = sourcesById.get(id);
        if (source) usedSources.set(id, source);
      }
      return { id: indicator.id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals, value, regionValue: computed.regionValue };
    });
    return { key: area.key, name: area.name, layer: layerName, period: chosenPeriod, areaKm2: area.areaKm2, indicators: details, sources: [...usedSources.values()] };
  })();
}
