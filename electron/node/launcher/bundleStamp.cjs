// Where the prebuilt command line lives and whether it is current: the part of nodeBundle.mjs that the
// `kleinraum` launcher needs at every start. CommonJS, like the launcher, because Node starts a CommonJS
// program without setting up its ES module loader (about 10 ms of every command on these machines).
// Plain JavaScript on purpose: it runs before anything is built.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const bundleDir = path.join(repoRoot, 'build', 'node');
const stampFile = path.join(bundleDir, 'inputs.json');

/** The checkout the bundle is built from. */
exports.repoRoot = repoRoot;
/** build/node/: the bundle, its stamp and its code caches. */
exports.bundleDir = bundleDir;
/** The stamp: when the bundle was built, and from which files (relative to the checkout). */
exports.stampFile = stampFile;
/** The bundled CLI (CommonJS; exports `runCli`, like electron/node/cli/main.ts). */
exports.cliBundleFile = path.join(bundleDir, 'kleinraum.cjs');
/** Where the runs keep the bundle's code caches (see codeCache.cjs). */
exports.codeCacheDir = path.join(bundleDir, 'cache');

function modificationTime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
exports.modificationTime = modificationTime;

function readStamp() {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return Array.isArray(stamp.watched) && typeof stamp.builtAtMs === 'number' ? stamp : null;
  } catch {
    return null;
  }
}

/**
 * True when the bundle exists and no file it was built from (nor the lockfile, nor the build script)
 * changed since. A few hundred `stat` calls: a few milliseconds.
 */
exports.isNodeBundleCurrent = function isNodeBundleCurrent() {
  const stamp = readStamp();
  return stamp !== null && stamp.watched.every((relative) => modificationTime(path.join(repoRoot, relative)) <= stamp.builtAtMs);
};

/**
 * The same check with the `stat` calls on libuv's thread pool, so that the launcher can load the bundle
 * meanwhile and pays only for the slower of the two.
 */
exports.isNodeBundleCurrentAsync = async function isNodeBundleCurrentAsync() {
  const stamp = readStamp();
  if (stamp === null) return false;
  const times = await Promise.all(
    stamp.watched.map((relative) =>
      fs.promises.stat(path.join(repoRoot, relative)).then(
        (stat) => stat.mtimeMs,
        () => Number.POSITIVE_INFINITY,
      ),
    ),
  );
  return times.every((time) => time <= stamp.builtAtMs);
};
