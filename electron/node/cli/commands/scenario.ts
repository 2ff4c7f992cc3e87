/**
 * `kleinraum scenario P.gpkg --scenario ID [--year Y] [--json]`: projects demand, supply and gap per area
 * under a stored scenario, through the same contract method the app's "Planung" tab calls
 * (`planning.run`). The JSON is that method's output; the text is a short reading of it.
 */
import { scenarioKeyFigures } from '../../../../shared/planning/assumptions';
import { formatNumber } from '../../../../shared/format/number';
import type { MethodOutput } from '../../../../shared/contract/api';
import { LAYER_HELP } from '../commandFlags';
import { CliUsageError, localize, type CliCommand, type CliLanguage } from '../command';
import { existingProjectFile } from '../projectPaths';
import { roundedEuros } from '../../../../shared/planning/costFigures';
import { message } from '../../../../shared/i18n/translate';

type ScenarioRun = MethodOutput<'planning.run'>;

const KIND_LABELS: Record<'kita' | 'school' | 'integration' | 'accommodation' | 'staff', { de: string; en: string }> = {
  kita: { de: 'KiTa', en: 'KiTa' },
  school: { de: 'Schule', en: 'School' },
  integration: { de: 'Integr.', en: 'Integr.' },
  accommodation: { de: 'Unterk.', en: 'Accom.' },
  staff: { de: 'Stellen', en: 'Staff' },
};
const KINDS = ['kita', 'school', 'integration', 'accommodation', 'staff'] as const;

function gapText(value: number | null, lang: CliLanguage): string {
  if (value === null) return lang === 'de' ? 'unbek.' : 'unknown';
  const text = formatNumber(Math.round(value), 0, lang);
  return value > 0 ? `+${text}` : text;
}

/** The human-readable report: assumptions first (everything is a projection), then region and areas for one year. */
export function scenarioText(run: ScenarioRun, lang: CliLanguage, year: number): string {
  const de = lang === 'de';
  const lines = [
    `${de ? 'Szenario' : 'Scenario'}: ${run.scenario.name[lang]} (${run.scenario.id}), ${de ? 'Ebene' : 'layer'} ${run.layer}, ${de ? 'Startjahr' : 'start year'} ${run.scenario.startYear}`,
    `${de ? 'Projektion' : 'Projection'} – ${scenarioKeyFigures(run.assumptions, lang)}. ${de ? 'Annahmen' : 'Assumptions'}: ${run.scenario.assumptions[lang]}`,
    '',
    de ? `Lücke = Bedarf − Angebot (positiv = es fehlen Plätze/Stellen), Jahr ${year}:` : `Gap = demand − supply (positive = places/positions missing), year ${year}:`,
    [de ? 'Gebiet'.padEnd(28) : 'Area'.padEnd(28), ...KINDS.map((kind) => KIND_LABELS[kind][lang].padStart(10))].join(''),
  ];
  for (const area of run.areas) {
    const areaYear = area.years.find((candidate) => candidate.year === year);
    if (!areaYear) continue;
    lines.push([`${area.name}`.slice(0, 27).padEnd(28), ...KINDS.map((kind) => gapText(areaYear.gap[kind], lang).padStart(10))].join(''));
  }
  const region = run.region.years.find((candidate) => candidate.year === year);
  if (region) {
    lines.push([(de ? 'Region: Summe der Fehlmengen' : 'Region: sum of shortages').padEnd(28), ...KINDS.map((kind) => gapText(region.shortage[kind], lang).padStart(10))].join(''));
  }
  const costs = run.regionCosts.find((candidate) => candidate.year === year);
  if (costs) {
    // Rounded as in the planning tab: round cost rates times projected places support two digits at most.
    lines.push(
      '',
      de
        ? `Kosten ${year}: Handeln ${roundedEuros(costs.actingTotal, lang)} / Nicht-Handeln ${roundedEuros(costs.notActingTotal, lang)} je Jahr${costs.incomplete ? ' (unvollständig: Angebot teils unbekannt)' : ''}`
        : `Costs ${year}: acting ${roundedEuros(costs.actingTotal, lang)} / not acting ${roundedEuros(costs.notActingTotal, lang)} per year${costs.incomplete ? ' (incomplete: supply partly unknown)' : ''}`,
    );
    if (run.assumptions.some((entry) => entry.id.startsWith('costs.') && entry.basis.kind === 'assumption')) {
      lines.push(localize(message('planning.costs.placeholder'), lang));
    }
  }
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'scenario',
  summary: { de: 'Bedarf, Angebot und Lücke je Gebiet unter einem Szenario projizieren', en: 'Project demand, supply and gap per area under a scenario' },
  usage: 'scenario P.gpkg --scenario ID [--year Y] [--layer L]',
  options: { scenario: { type: 'string', short: 's' }, year: { type: 'string' }, layer: { type: 'string' } },
  optionHelp: {
    scenario: { de: 'Kennung des Szenarios (siehe kleinraum info)', en: 'scenario id (see kleinraum info)' },
    year: { de: 'nur dieses Jahr ausgeben', en: 'print this year only' },
    layer: LAYER_HELP,
  },
  async run(context) {
    const [given, ...extra] = context.positionals;
    if (given === undefined) {
      throw new CliUsageError({ de: 'Projektdatei fehlt: kleinraum scenario DATEI.gpkg --scenario ID', en: 'Project file missing: kleinraum scenario FILE.gpkg --scenario ID' });
    }
    if (extra.length > 0) {
      throw new CliUsageError({ de: `Nur eine Projektdatei angeben (zu viel: ${extra.join(' ')}).`, en: `Give only one project file (extra: ${extra.join(' ')}).` });
    }
    const scenarioId = context.values.scenario;
    if (typeof scenarioId !== 'string' || scenarioId === '') {
      throw new CliUsageError({ de: 'Szenario fehlt: --scenario ID angeben (Kennungen zeigt kleinraum info).', en: 'Scenario missing: add --scenario ID (kleinraum info lists the ids).' });
    }
    let year: number | undefined;
    if (context.values.year !== undefined) {
      year = Number(context.values.year);
      if (typeof context.values.year !== 'string' || !/^\d{4}$/.test(context.values.year)) {
        throw new CliUsageError({ de: `--year erwartet ein Jahr wie 2027, nicht „${String(context.values.year)}“.`, en: `--year expects a year such as 2027, not "${String(context.values.year)}".` });
      }
    }
    const layer = typeof context.values.layer === 'string' ? context.values.layer : undefined;
    const projectPath = existingProjectFile(given, 'kleinraum scenario P.gpkg --scenario ID');
    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    await backend.call('project.open', { path: projectPath });
    const run = await backend.call('planning.run', { scenarioId, year, layer });
    if (context.json) context.output.json(run);
    else context.output.text(scenarioText(run, context.lang, year ?? run.years[0]!));
  },
};
