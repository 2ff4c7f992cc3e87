// Loads the prebuilt command-line bundle (one CommonJS file) with a V8 code cache, so a command does not
// compile the same JavaScript again at every start. Node 20 keeps no compile cache of its own, and with
// one it would still compile every ES module in full; this is what `v8-compile-cache` does for require().
//
// The cache of a command is written when its first run exits, from everything that run compiled, and is
// used by the next runs of the same command (`info` and `serve` compile different parts of the bundle).
// V8 checks a cache against its own version and flags and rejects it otherwise; the file name carries the
// bundle's size and modification time, so a cache never meets another build's code. Where the folder
// cannot be written (a read-only installation) the command runs as before, only without the saving.
//
// Plain JavaScript (CommonJS, like the launcher) on purpose: the launcher runs it unbuilt.
'use strict';
const { isAscii } = require('node:buffer');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** The cache file of a bundle with these file facts and the key (a command's name), in `cacheDir`. */
function cacheFileOf({ size, mtimeMs }, cacheDir, key) {
  // Only a guard for the file name; which runs keep a cache is the caller's rule (keepCache).
  const safeKey = /^[a-z][a-z0-9-]*$/.test(key ?? '') ? key : 'other';
  return path.join(cacheDir, `${safeKey}-${size}-${Math.trunc(mtimeMs)}.v8cache`);
}

/**
 * The bundle's source and the facts of the very file it was read from: read through one open file, so a
 * rebuild renamed into place meanwhile (a new file) cannot pair the new text with the old file's cache.
 * V8 checks a cache only against the source's length. The build escapes every character beyond ASCII, so
 * the bytes are read as one-byte text without UTF-8 decoding; a file built otherwise is decoded as UTF-8.
 */
function readBundle(file) {
  const descriptor = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(descriptor);
    const bytes = fs.readFileSync(descriptor);
    return { stat, source: isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8') };
  } finally {
    fs.closeSync(descriptor);
  }
}

function writeAtomically(file, bytes) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
  } catch {
    // Not writable: the next start compiles again, nothing else changes.
  }
}

/**
 * Runs a CommonJS file like require() does, using and filling a code cache.
 * @param {string} bundleFile absolute path of the .cjs file
 * @param {string} cacheDir folder of the cache files
 * @param {string | null} key what this run will do (the command name): one cache per key
 * @param {{ keepCache?: () => boolean }} [options] asked at exit whether this run's code is worth keeping
 *   (not for a mistyped command or a `--help`, which compile next to nothing of the command)
 * @returns {{ exports: any, cacheUsed: boolean }} the module's exports; whether V8 took the cache
 * @example const { runCli } = requireWithCodeCache(bundle, cacheDir, 'info').exports;
 */
exports.requireWithCodeCache = function requireWithCodeCache(bundleFile, cacheDir, key, { keepCache = () => true } = {}) {
  const { stat, source } = readBundle(bundleFile);
  const cacheFile = cacheFileOf(stat, cacheDir, key);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundleFile,
    // No dynamic import callback: Node 20 loses it for a script compiled from a cache made in another
    // process, so the bundle may contain no import() of anything outside it (nodeBundle.mjs checks).
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit, the functions this run compiled are all in; a command exits through process.exit. A bundle
    // rebuilt meanwhile has another name for its cache: this run's code is not written under it.
    // Never throws: a bundle deleted meanwhile (a clean build) must not stop the other exit handlers,
    // such as the one that removes the project's working copy.
    process.once('exit', () => {
      try {
        if (keepCache() && cacheFileOf(fs.statSync(bundleFile), cacheDir, key) === cacheFile) writeAtomically(cacheFile, script.createCachedData());
      } catch {
        // No cache this time.
      }
    });
  }
  const bundleModule = { exports: {}, filename: bundleFile, loaded: false };
  script.runInThisContext()(bundleModule.exports, Module.createRequire(bundleFile), bundleModule, bundleFile, path.dirname(bundleFile));
  bundleModule.loaded = true;
  return { exports: bundleModule.exports, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
};
