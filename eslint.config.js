// Lint rules, including the layer rules: dependencies point inward (renderer → shared ← electron).
// The messages teach where code belongs instead of just refusing it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'crypto', 'stream', 'zlib', 'worker_threads'];

// @turf/turf's index imports all of Turf's hundred modules, and some (jsts for buffer, rbush) are not marked
// free of side effects, so a bundler keeps them: every CLI command loaded about 600 kB of geometry code it
// never ran. App code imports each function from its own package; tests may use @turf/turf as a reference.
const turfIndex = { group: ['@turf/turf'], message: "Import the Turf function from its own package (e.g. `import { area } from '@turf/area'`, pinned in package.json): @turf/turf's index pulls all of Turf into every command and page." };

const rendererPatterns = [
  turfIndex,
  { group: nodeBuiltins, message: 'The renderer runs in a browser sandbox: ask the backend through renderer/api instead of using Node APIs.' },
  { group: ['electron', 'electron/*'], message: 'The renderer reaches the backend only through renderer/api (preload bridge or HTTP), never Electron directly.' },
  { group: ['better-sqlite3'], message: 'The renderer never touches the project file: call a contract method through renderer/api.' },
  { group: ['**/electron/**'], message: 'Dependencies point inward: the renderer imports shared/, not electron/. Add a contract method instead.' },
];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: nodeBuiltins, message: 'shared/ is platform-free: Node APIs belong in electron/node/. Pass data in, return data out.' },
      { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron: put Electron glue in electron/main/.' },
      { group: ['react', 'react-dom', 'react/*', 'maplibre-gl', 'zustand'], message: 'shared/ has no UI: UI code belongs in renderer/.' },
      { group: ['better-sqlite3'], message: 'Storage lives in electron/node/storage/; shared/ stays pure.' },
      { group: ['**/renderer/**', '**/electron/**'], message: 'Dependencies point inward: shared/ imports nothing from renderer/ or electron/.' },
      turfIndex,
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: restrict(rendererPatterns),
  },
  {
    // Views read with useBackendQuery and act with useBackend (renderer/api/backend.ts): one cache, one
    // invalidation on project.changed, no view holding the raw client or its own query client.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/api/**', 'renderer/store/**', 'renderer/main.tsx', 'renderer/AppContext.tsx'],
    rules: restrict([
      ...rendererPatterns,
      { group: ['**/api/client', '**/api/transport*'], message: 'Views reach the backend through renderer/api/backend.ts (useBackendQuery to read, useBackend().call to act), not the raw client.' },
      { group: ['@tanstack/react-query'], message: 'The query cache is set up once in renderer/api/backend.ts: use useBackendQuery / useBackend from there.' },
    ]),
  },
  {
    // Storage owns SQL: services, the CLI and the server ask storage/ functions, so a schema change is
    // made in one folder and every statement is covered by the storage tests.
    files: ['electron/**/*.ts'],
    ignores: ['electron/node/storage/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: 'SQL lives in electron/node/storage/: add or use a storage function there.' },
        { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: 'SQL lives in electron/node/storage/: add or use a storage function there.' },
        // A statement held in a variable is SQL too, when it goes to a database (RegExp#exec stays allowed).
        { selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^(db|database|sqlite)$/i]", message: 'SQL lives in electron/node/storage/: add or use a storage function there.' },
        { selector: "CallExpression[callee.property.name='exec'][callee.object.property.name=/^(db|database|sqlite)$/i]", message: 'SQL lives in electron/node/storage/: add or use a storage function there.' },
      ],
    },
  },
  {
    files: ['electron/node/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict([
      { group: ['electron', 'electron/*'], message: "electron/node/ runs under plain Node too (tests, browser mode, CLI): keep 'electron' imports in electron/main/." },
      { group: ['**/renderer/**'], message: 'Dependencies point inward: backend code never imports the renderer.' },
      turfIndex,
    ]),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'electron/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict([{ group: ['**/renderer/**'], message: 'Dependencies point inward: Electron glue never imports the renderer.' }]),
  },
  {
    files: ['test/**/*.{ts,tsx,mjs,js}', '*.config.{ts,js}', 'electron/**/*.{mjs,cjs}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The `kleinraum` launcher and its helpers are CommonJS on purpose (a start without the ES module
    // loader, launcher/bundleStamp.cjs): require() is how they load.
    files: ['electron/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
