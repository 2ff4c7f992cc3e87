// Which command a `kleinraum` command line names: the first argument that is neither an option nor an
// option's value. Shared by the CLI (electron/node/cli/main.ts) and the `kleinraum` launcher, which needs
// it before the bundle is loaded (each command has its own code cache, see launcher/codeCache.cjs).
// Plain JavaScript (CommonJS, like the launcher) on purpose: the launcher runs it unbuilt.
'use strict';

/** Global options that take a value as the next argument. */
const OPTIONS_WITH_VALUE = new Set(['--lang', '--data-dir']);

/**
 * @param {readonly string[]} argv the arguments after node and the script
 * @returns {{ name: string | null, index: number }}
 * @example findCommandName(['--lang', 'en', 'info', 'a.gpkg']) // { name: 'info', index: 2 }
 */
exports.findCommandName = function findCommandName(argv) {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--') break;
    if (OPTIONS_WITH_VALUE.has(argument)) {
      index += 1;
      continue;
    }
    if (!argument.startsWith('-')) return { name: argument, index };
  }
  return { name: null, index: -1 };
};
