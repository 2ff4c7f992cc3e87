/**
 * `kleinraum flows P.gpkg [--period P] [--mode net|gross] [--area KEY] [--direction in|out|between]
 * [--top N] [--layer L] [--out FILE.svg|.png|.pdf|.csv|.xlsx]`: flows between areas and to/from the categories outside,
 * through the same `flows.compute` method the flow map uses. Per-area totals are true counts, null where
 * small-number protection withholds them; shown flows below the threshold have value null and `suppressed: true`, and so
 * do flows withheld so that a total does not give a small one back (also `complementary: true`).
 */
import { FLOW_EXPORT_FORMATS } from '../../../../shared/contract/methods/flows';
import { formatDate, formatNumber } from '../../../../shared/format/number';
import { FLOW_DIRECTIONS, FLOW_MODES, hiddenFlowsNote, type FlowDirection, type FlowMode } from '../../../../shared/movement/flows';
import { translate } from '../../../../shared/i18n/translate';
import { CliUsageError, type CliCommand } from '../command';
import { stringFlag } from '../mapViewFlags';
import { writeOutputFile } from '../outputFile';
import { FIGURE_FILE_HELP, FIGURE_FILE_OPTIONS, figureFileFlags, LAYER_HELP } from '../commandFlags';
import { existingProjectFile } from '../projectPaths';

const USAGE = 'flows P.gpkg [--period P] [--mode net|gross] [--area KEY] [--direction in|out|between] [--top N] [--source ID] [--layer L] [--out FILE.svg|.png|.pdf|.csv|.xlsx]';

function periodOf(text: string): string {
  if (/^\d{4}$/.test(text)) return `${text}-12-31`;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (german) return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  throw new CliUsageError({ de: `--period „${text}“ ist kein Stichtag (JJJJ-MM-TT, TT.MM.JJJJ oder JJJJ).`, en: `--period "${text}" is not a date (YYYY-MM-DD, DD.MM.YYYY or YYYY).` });
}

export const command: CliCommand = {
  name: 'flows',
  summary: { de: 'Wanderungen: Ströme zwischen Gebieten und nach außerhalb, Zu- und Fortzüge je Gebiet', en: 'Flows between areas and to/from outside, arrivals and departures per area' },
  usage: USAGE,
  options: {
    period: { type: 'string' },
    mode: { type: 'string' },
    area: { type: 'string' },
    direction: { type: 'string' },
    top: { type: 'string' },
    source: { type: 'string' },
    layer: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...FIGURE_FILE_OPTIONS,
  },
  optionHelp: {
    period: { de: 'Zeitraum bis zu diesem Stichtag (JJJJ-MM-TT oder JJJJ); Standard: der letzte', en: 'period ending at this date (YYYY-MM-DD or YYYY); default: the latest' },
    mode: { de: 'gross (brutto, Standard) oder net (Saldo je Gebietspaar)', en: 'gross (default) or net (balance per pair of areas)' },
    area: { de: 'nur Ströme dieses Gebiets (Schlüssel) bzw. einer Kategorie wie ext:ausland', en: 'only flows of this area (key) or of a category such as ext:ausland' },
    direction: { de: 'mit --area: in (Zuzüge), out (Fortzüge) oder between (beide, Standard)', en: 'with --area: in, out or between (both, default)' },
    top: { de: 'nur die N größten Ströme; der Rest wird gezählt und summiert', en: 'only the N largest flows; the rest is counted and summed' },
    source: { de: 'Quelle (ID), wenn mehrere Wanderungen für den Zeitraum halten; Standard: die zuerst importierte (nie summiert)', en: 'source (id) when several hold flows for the period; default: the first imported (never summed)' },
    layer: LAYER_HELP,
    out: { de: 'Karte als Ausschussvorlage (.svg, .png, .pdf) oder Tabelle der Ströme (.csv, .xlsx)', en: 'the map as a committee figure (.svg, .png, .pdf) or the table of the flows (.csv, .xlsx)' },
    ...FIGURE_FILE_HELP,
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) throw new CliUsageError({ de: `Projektdatei fehlt: kleinraum ${USAGE}`, en: `Project file missing: kleinraum ${USAGE}` });
    if (extra.length > 0) throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    const mode = stringFlag(context, 'mode') ?? 'gross';
    if (!FLOW_MODES.includes(mode as FlowMode)) throw new CliUsageError({ de: `--mode ist net oder gross, nicht „${mode}“.`, en: `--mode is net or gross, not "${mode}".` });
    const area = stringFlag(context, 'area');
    const direction = stringFlag(context, 'direction') ?? (area === undefined ? 'all' : 'between');
    if (!FLOW_DIRECTIONS.includes(direction as FlowDirection)) throw new CliUsageError({ de: `--direction ist in, out oder between, nicht „${direction}“.`, en: `--direction is in, out or between, not "${direction}".` });
    if (direction !== 'all' && area === undefined) throw new CliUsageError({ de: '--direction braucht --area (das Gebiet, dessen Zu- oder Fortzüge gemeint sind).', en: '--direction needs --area (the area whose arrivals or departures are meant).' });
    const topText = stringFlag(context, 'top');
    const top = topText === undefined ? undefined : Number(topText);
    if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw new CliUsageError({ de: `--top ist eine ganze Zahl ab 1, nicht „${topText}“.`, en: `--top is a whole number of at least 1, not "${topText}".` });
    const periodText = stringFlag(context, 'period');
    const period = periodText === undefined ? undefined : periodOf(periodText);
    const figure = figureFileFlags(context, FLOW_EXPORT_FORMATS);
    const outPath = figure.out?.path;
    const layer = stringFlag(context, 'layer');
    const source = stringFlag(context, 'source');
    const projectPath = existingProjectFile(given, `kleinraum ${USAGE}`);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    try {
      await backend.call('project.open', { path: projectPath });
      const input = {
        mode: mode as FlowMode,
        direction: direction as FlowDirection,
        ...(period !== undefined ? { period } : {}),
        ...(area !== undefined ? { area } : {}),
        ...(top !== undefined ? { top } : {}),
        ...(layer !== undefined ? { layer } : {}),
        ...(source !== undefined ? { source } : {}),
      };
      const result = await backend.call('flows.compute', input);
      if (figure.out) {
        const file = await backend.call('flows.export', { ...input, format: figure.out.format, table: 'flows', locale: context.lang, page: figure.page, dpi: figure.dpi });
        writeOutputFile(figure.out.path, file.base64);
      }
      if (context.json) {
        context.output.json({
          period: result.period,
          periods: result.periods,
          layer: result.layer,
          mode: result.mode,
          area: result.area,
          direction: result.direction,
          top: result.top,
          flows: result.flows.map((flow) => ({ from: flow.from, to: flow.to, value: flow.value, ...(flow.suppressed ? { suppressed: true } : {}), ...(flow.complementary ? { complementary: true } : {}) })),
          matching: result.matching,
          hidden: result.hidden,
          areas: result.areas,
          external: result.external.map((category) => ({ key: category.key, name: category.name, inflow: category.inflow, outflow: category.outflow })),
          unassigned: result.unassigned,
          smallNumberThreshold: result.smallNumberThreshold,
          sources: result.sources.map((entry) => ({ id: entry.id, name: entry.name, stichtag: entry.stichtag })),
          periodSources: result.periodSources,
          synthetic: result.synthetic,
          ...(outPath !== undefined ? { out: outPath } : {}),
        });
        return;
      }
      const lang = context.lang;
      const de = lang === 'de';
      if (result.period === null) {
        context.output.text({ de: 'Das Projekt enthält keine Wanderungen (Import: kleinraum import P.gpkg matrix.csv --flows).', en: 'The project holds no flows (import: kleinraum import P.gpkg matrix.csv --flows).' });
        return;
      }
      const names = new Map(result.ends.map((end) => [end.key, end.name[lang]]));
      context.output.text(`${de ? 'Wanderungen, Zeitraum bis' : 'Flows, period ending'} ${formatDate(result.period, lang)} (${result.mode}); ${de ? 'Quelle' : 'source'}: ${result.sources.map((source) => source.name).join('; ') || '–'}${result.synthetic && !result.sources.some((source) => /synthetisch|synthetic/i.test(source.name)) ? (de ? ' (Beispieldaten, synthetisch)' : ' (example data, synthetic)') : ''}`);
      for (const flow of result.flows) {
        // A flow withheld to protect a small one is no small count: "geschützt", not "< 3".
        const value = flow.value === null ? (flow.complementary ? translate(lang, 'map.regionWithheld') : `< ${result.smallNumberThreshold}`) : formatNumber(flow.value, 0, lang);
        context.output.text(`  ${(names.get(flow.from) ?? flow.from).padEnd(28)} → ${(names.get(flow.to) ?? flow.to).padEnd(28)} ${value.padStart(8)}`);
      }
      const hidden = hiddenFlowsNote(result.hidden, result.smallNumberThreshold, lang);
      if (hidden) context.output.text(`  … ${hidden}`);
      if (outPath !== undefined) context.output.text({ de: `Geschrieben: ${outPath}`, en: `Written: ${outPath}` });
    } finally {
      backend.dispose();
    }
  },
};
