// Files written whole: the target is complete or untouched, and temporary files of a killed writer do not pile up.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { renameOver, writeFileAtomically } from '../../../electron/node/files/writeFileAtomically';
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

it('on Windows tries the rename again while another process briefly holds the target, elsewhere fails at once', () => {
  const held = (times: number, code: string) => {
    let calls = 0;
    const rename = () => {
      calls += 1;
      if (calls <= times) throw Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
    };
    return { rename, calls: () => calls };
  };
  const scanner = held(2, 'EPERM');
  renameOver('a.partial', 'a', 'win32', scanner.rename);
  expect(scanner.calls()).toBe(3);
  // Held for good: the error reaches the caller after the retries (about 1 s).
  const locked = held(100, 'EBUSY');
  expect(() => renameOver('a.partial', 'a', 'win32', locked.rename)).toThrow('EBUSY');
  expect(locked.calls()).toBe(8);
  // On Linux and macOS EPERM is a real lack of permission: no retry.
  const denied = held(1, 'EPERM');
  expect(() => renameOver('a.partial', 'a', 'linux', denied.rename)).toThrow('EPERM');
  expect(denied.calls()).toBe(1);
  // A missing folder is no transient state anywhere.
  const missing = held(1, 'ENOENT');
  expect(() => renameOver('a.partial', 'a', 'win32', missing.rename)).toThrow('ENOENT');
  expect(missing.calls()).toBe(1);
});
