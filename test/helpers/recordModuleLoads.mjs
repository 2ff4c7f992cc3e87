// Preloaded with `node --import <this file>`: appends the path of every module the process loads, through
// `import` (an off-thread resolve hook) or `require` (Module._load), to the file named by
// KLEINRAUM_RECORD_MODULES, one line each. Used to check which packages a CLI command loads.
import fs from 'node:fs';
import Module, { register } from 'node:module';

const outputFile = process.env.KLEINRAUM_RECORD_MODULES;
if (outputFile) {
  const hooks = `
    import fs from 'node:fs';
    let outputFile;
    export function initialize(data) { outputFile = data.outputFile; }
    export async function resolve(specifier, context, nextResolve) {
      const resolved = await nextResolve(specifier, context);
      fs.appendFileSync(outputFile, resolved.url + '\\n');
      return resolved;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url, { data: { outputFile } });
  const originalLoad = Module._load;
  Module._load = function recordedLoad(request, parent, isMain) {
    try {
      fs.appendFileSync(outputFile, `${Module._resolveFilename(request, parent, isMain)}\n`);
    } catch {
      // Unresolvable requests fail in the original loader below, with its own message.
    }
    return originalLoad.call(this, request, parent, isMain);
  };
}
