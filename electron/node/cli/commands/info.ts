/**
 * `kleinraum info P.gpkg`: describes a project — layers, indicators with their periods, variables,
 * sources — by opening it with the same service the app uses.
 */
import { formatDate } from '../../../../shared/format/number';
import type { ProjectSummary } from '../../../../shared/contract/api';
import { CliUsageError, type CliCommand, type CliLanguage } from '../command';
import { existingProjectFile } from '../projectPaths';
import { sourceLabel } from '../../../../shared/export/sourceLines';

/** The `--json` document of `info` (field names are the CLI contract). */
export function infoDocument(summary: ProjectSummary, lang: CliLanguage, scenarios: { id: string; name: { de: string; en: string } }[] = []) {
  return {
    path: summary.path,
    title: summary.title,
    schemaVersion: summary.schemaVersion,
    layers: summary.layers.map((layer) => ({
      name: layer.name,
      title: layer.title[lang],
      featureCount: layer.featureCount,
      crs: layer.sourceCrs,
      keyField: layer.keyField,
      nameField: layer.nameField,
      schematic: layer.schematic,
    })),
    scenarios: scenarios.map((scenario) => ({ id: scenario.id, name: scenario.name[lang] })),
    indicators: summary.indicators.map((indicator) => ({
      id: indicator.id,
      name: indicator.name[lang],
      unit: indicator.unit[lang],
      periods: indicator.periods,
    })),
    variables: summary.variables.map((variable) => ({
      id: variable.id,
      name: variable.name[lang],
      unit: variable.unit,
      kind: variable.kind,
      dimensions: variable.dimensions,
      periods: variable.periods,
    })),
    sources: summary.sources.map((source) => ({
      id: source.id,
      name: source.name,
      publisher: source.publisher,
      stichtag: source.stichtag,
      licence: source.licence,
      attribution: source.attribution,
      synthetic: source.synthetic,
    })),
  };
}

function periodRange(periods: readonly string[], lang: CliLanguage): string {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return lang === 'de' ? 'keine Stichtage' : 'no reference dates';
  const count = lang === 'de' ? `${periods.length} Stichtag${periods.length === 1 ? '' : 'e'}` : `${periods.length} reference date${periods.length === 1 ? '' : 's'}`;
  return first === last ? `${count}: ${formatDate(first, lang)}` : `${count}: ${formatDate(first, lang)} – ${formatDate(last, lang)}`;
}

function infoText(summary: ProjectSummary, lang: CliLanguage): string {
  const de = lang === 'de';
  const lines = [`${de ? 'Projekt' : 'Project'}: ${summary.title}${summary.path ? ` (${summary.path})` : ''}`, `${de ? 'Schema-Version' : 'Schema version'}: ${summary.schemaVersion}`, ''];
  lines.push(de ? 'Ebenen:' : 'Layers:');
  for (const layer of summary.layers) {
    lines.push(`  ${layer.name} – ${layer.title[lang]}: ${layer.featureCount} ${de ? 'Gebiete' : 'areas'}, ${layer.sourceCrs}${layer.schematic ? (de ? ', schematisch' : ', schematic') : ''}`);
  }
  lines.push('', de ? 'Kennzahlen:' : 'Indicators:');
  for (const indicator of summary.indicators) {
    const unit = indicator.unit[lang] ? ` (${indicator.unit[lang]})` : '';
    lines.push(`  ${indicator.id} – ${indicator.name[lang]}${unit}, ${periodRange(indicator.periods, lang)}`);
  }
  lines.push('', de ? 'Merkmale:' : 'Variables:');
  for (const variable of summary.variables) {
    const dimensions = variable.dimensions.length > 0 ? ` [${variable.dimensions.join(', ')}]` : '';
    lines.push(`  ${variable.id} – ${variable.name[lang]}${dimensions}, ${periodRange(variable.periods, lang)}`);
  }
  lines.push('', de ? 'Quellen:' : 'Sources:');
  for (const source of summary.sources) {
    const stichtag = source.stichtag ? `, ${de ? 'Stichtag' : 'reference date'} ${formatDate(source.stichtag, lang)}` : '';
    lines.push(`  ${sourceLabel(source)}${stichtag}`);
  }
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'info',
  summary: { de: 'Projektdatei beschreiben (Ebenen, Kennzahlen, Merkmale, Quellen)', en: 'Describe a project file (layers, indicators, variables, sources)' },
  usage: 'info P.gpkg',
  options: {},
  optionHelp: {},
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) {
      throw new CliUsageError({ de: 'Projektdatei fehlt: kleinraum info DATEI.gpkg', en: 'Project file missing: kleinraum info FILE.gpkg' });
    }
    if (extra.length > 0) {
      throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    }
    const projectPath = existingProjectFile(given, 'kleinraum info P.gpkg');
    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    const summary = await backend.call('project.open', { path: projectPath });
    // Only the JSON document lists the scenarios; the text leaves the planning code unloaded.
    if (context.json) context.output.json(infoDocument(summary, context.lang, (await backend.call('planning.listScenarios', {})).scenarios));
    else context.output.text(infoText(summary, context.lang));
  },
};
