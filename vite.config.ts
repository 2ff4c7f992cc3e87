// Builds the renderer (React + MapLibre) into build/renderer. The same bundle is loaded by Electron and
// served by browser mode.
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The contract areas whose schemas the first map's answers are checked against (project.current,
 * layer.features, indicator.values; the map area's classification and Stichtag series right after).
 */
const FIRST_MAP_CONTRACT_MODULES = ['shared/contract/methods/project.ts', 'shared/contract/methods/map.ts'];

/**
 * Lets the page fetch the first map's contract chunks together with its first script. They are loaded
 * through `import()` (shared/contract/api.ts, for renderer/api/client.ts to check answers), so without a
 * hint the browser asks for them only after the first script has run, and the project's first answer
 * waited for them (about 0.3 s on a slow machine).
 */
function preloadFirstMapContract(): Plugin {
  return {
    name: 'kleinraum:preload-first-map-contract',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context): HtmlTagDescriptor[] {
        const chunks = Object.values(context.bundle ?? {}).filter(
          (output) => output.type === 'chunk' && FIRST_MAP_CONTRACT_MODULES.some((module) => output.facadeModuleId?.replaceAll('\\', '/').endsWith(module)),
        );
        if (chunks.length !== FIRST_MAP_CONTRACT_MODULES.length) throw new Error(`preload-first-map-contract: expected chunks for ${FIRST_MAP_CONTRACT_MODULES.join(', ')}, found ${chunks.length}`);
        return chunks.map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }));
      },
    },
  };
}

/** The boot script (renderer/boot.ts): its own small entry, so it runs before the main script has even loaded. */
const BOOT_ENTRY = 'boot.ts';

/**
 * Puts the boot script first in the page. Vite would merge a second module script of index.html into the
 * main entry, which is exactly what must not happen: the early requests would then wait for the main
 * script (1.5 MB) to load and run.
 */
function bootScriptFirst(): Plugin {
  return {
    name: 'kleinraum:boot-script-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context): HtmlTagDescriptor[] {
        const boot = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.facadeModuleId?.replaceAll('\\', '/').endsWith(`renderer/${BOOT_ENTRY}`));
        if (!boot) throw new Error(`boot-script-first: no chunk for renderer/${BOOT_ENTRY}`);
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `./${boot.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig(({ command }) => {
  // A build is always React's production build, whatever NODE_ENV the shell or a parent process set. Vite
  // takes an inherited NODE_ENV for the bundle (vitest sets "test"), and React and its JSX transform then
  // ship their development builds (1,7 instead of 1,5 MB, checks on every render): a test that rebuilt a
  // stale renderer through `npm start`'s launcher gave the end-to-end tests that slower app. Vite reads
  // NODE_ENV after loading this file, and its documentation names this file as the place to set it.
  if (command === 'build') process.env['NODE_ENV'] = 'production';
  return {
    root: 'renderer',
    base: './',
    publicDir: '../assets/public',
    plugins: [react(), preloadFirstMapContract(), bootScriptFirst()],
    build: {
      outDir: '../build/renderer',
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      sourcemap: false,
      rollupOptions: { input: { index: fileURLToPath(new URL('renderer/index.html', import.meta.url)), boot: fileURLToPath(new URL(`renderer/${BOOT_ENTRY}`, import.meta.url)) } },
    },
  };
});
