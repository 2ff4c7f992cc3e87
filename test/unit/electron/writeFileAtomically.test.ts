// Files written whole: the target is complete or untouched, and temporary files of a killed writer do not pile up.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../electron/node/files/writeFileAtomically';
import { makeTempDir } from '../../helpers/tempDir';

const directory = makeTempDir('kleinraum-atomic-write-');
afterAll(() => directory.remove());

it('writes the whole file and removes only the temporary files a killed writer left long ago', () => {
  const target = directory.file('recent-projects.json');
  const abandoned = directory.file('.recent-projects.json.4242-deadbeef.partial');
  const writing = directory.file('.recent-projects.json.4343-cafebabe.partial');
  fs.writeFileSync(abandoned, '[');
  fs.writeFileSync(writing, '[');
  const hourAgo = new Date(Date.now() - 3600_000);
  fs.utimesSync(abandoned, hourAgo, hourAgo);
  writeFileAtomically(target, '[]');
  expect(fs.readFileSync(target, 'utf8')).toBe('[]');
  expect(fs.existsSync(abandoned)).toBe(false);
  // Another process may be writing this one right now.
  expect(fs.existsSync(writing)).toBe(true);
  expect(fs.readdirSync(path.dirname(target)).filter((name) => name.endsWith('.partial'))).toEqual([path.basename(writing)]);
});

it('leaves the target as it was when the write fails', () => {
  const target = directory.file('kept.txt');
  fs.writeFileSync(target, 'alt');
  // A folder where the file should go: the rename fails.
  const blocked = directory.file('blocked');
  fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
  expect(() => writeFileAtomically(blocked, 'neu')).toThrow();
  expect(fs.readdirSync(directory.path).filter((name) => name.startsWith('.blocked'))).toEqual([]);
  expect(fs.readFileSync(target, 'utf8')).toBe('alt');
});
