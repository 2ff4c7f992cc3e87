/**
 * `kleinraum demo --out P.gpkg`: writes the embedded Region Hannover demo project (the one the app shows
 * at start) to a GeoPackage, through the same save path as "Speichern unter" in the app.
 */
import { CliUsageError, type CliCommand } from '../command';
import { newProjectFile } from '../projectPaths';

export const command: CliCommand = {
  name: 'demo',
  summary: { de: 'Demo-Projekt Region Hannover als GeoPackage schreiben', en: 'Write the Region Hannover demo project as a GeoPackage' },
  usage: 'demo --out P.gpkg [--force]',
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  optionHelp: {
    out: { de: 'Zieldatei (.gpkg)', en: 'target file (.gpkg)' },
    force: { de: 'vorhandene Datei überschreiben', en: 'overwrite an existing file' },
  },
  async run(context) {
    if (context.positionals.length > 0) {
      throw new CliUsageError({
        de: `Unerwartetes Argument „${context.positionals[0]}“. Die Zieldatei wird mit --out angegeben: kleinraum demo --out demo.gpkg`,
        en: `Unexpected argument "${context.positionals[0]}". Give the target file with --out: kleinraum demo --out demo.gpkg`,
      });
    }
    const out = context.values.out;
    if (typeof out !== 'string' || out === '') {
      throw new CliUsageError({ de: 'Zieldatei fehlt: --out DATEI.gpkg angeben.', en: 'Target file missing: add --out FILE.gpkg.' });
    }
    const targetPath = newProjectFile(out, context.values.force === true);

    const { createCliBackend } = await import('../backend');
    const backend = await createCliBackend(context.dataDir);
    // The backend starts with the demo open; ask for it explicitly only if that ever changes.
    const current = await backend.call('project.current', {});
    if (!current.isDemo) await backend.call('project.openDemo', {});
    const summary = await backend.call('project.saveAs', { path: targetPath });

    const areas = summary.layers.reduce((total, layer) => total + layer.featureCount, 0);
    const periods = [...new Set(summary.variables.flatMap((variable) => variable.periods))].sort();
    if (context.json) {
      context.output.json({
        path: summary.path ?? targetPath,
        areas,
        variables: summary.variables.length,
        periods: periods.length,
        firstPeriod: periods[0] ?? null,
        lastPeriod: periods[periods.length - 1] ?? null,
        layers: summary.layers.map((layer) => layer.name),
        indicators: summary.indicators.length,
      });
    } else {
      context.output.text({
        de: `Demo-Projekt geschrieben: ${summary.path ?? targetPath} (${areas} Gebiete, ${summary.variables.length} Merkmale, ${periods.length} Stichtage)`,
        en: `Demo project written: ${summary.path ?? targetPath} (${areas} areas, ${summary.variables.length} variables, ${periods.length} reference dates)`,
      });
    }
  },
};
