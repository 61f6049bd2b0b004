// The code cache the reader starts from: used when it fits, ignored and rewritten when it is missing,
// damaged or of another build, and never a reason to fail.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCachedScript, SCRIPT_PARAMETERS } from '../../src/cached-script.js';
import { tempDir } from '../helpers/temp-library.js';

let scripts = 0;

/** A bundle of its own (V8 keeps what it compiled per source, within a process), and its cache folder. */
function bundle(name = `app-T${++scripts}.cjs`) {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(
    file,
    `(function (${SCRIPT_PARAMETERS}) {\n` +
      `module.exports.answer = ${scripts} * 2; module.exports.url = __inkwellUrl;\n` +
      `module.exports.twice = (n) => n * 2; module.exports.twice(${scripts});\n})`,
  );
  return { file, cacheDir: join(dir, 'cache', 'code') };
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.v8'));

describe('runCachedScript', () => {
  it('runs the bundle, saves its code, and starts from it the next time', () => {
    const { file, cacheDir } = bundle();
    const first = runCachedScript(file, cacheDir, 'file:///x/dist/inkwell.js');
    expect(first.exports.answer).toBe(scripts * 2);
    expect(first.exports.url).toBe('file:///x/dist/inkwell.js');
    expect(first.fromCache).toBe(false);
    first.save();
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    const second = runCachedScript(file, cacheDir, 'file:///x/dist/inkwell.js');
    expect(second.fromCache).toBe(true);
    expect(second.exports.answer).toBe(scripts * 2);
  });

  it.each([
    { damage: 'a flipped byte', spoil: (bytes: Buffer) => void (bytes[bytes.length - 3]! ^= 0x55) },
    { damage: 'a truncated file', spoil: (bytes: Buffer) => bytes.subarray(0, 20) },
    { damage: 'an empty file', spoil: () => Buffer.alloc(0) },
    { damage: 'another program’s file', spoil: () => Buffer.from('not a cache at all') },
  ])('ignores $damage, and writes a good cache again', ({ spoil }) => {
    const { file, cacheDir } = bundle();
    runCachedScript(file, cacheDir, 'file:///x').save();
    const [name] = cacheFiles(cacheDir);
    const path = join(cacheDir, name!);
    const bytes = readFileSync(path);
    writeFileSync(path, spoil(bytes) ?? bytes);
    const next = runCachedScript(file, cacheDir, 'file:///x');
    expect(next.fromCache).toBe(false);
    expect(next.exports.answer).toBe(scripts * 2);
    next.save();
    expect(runCachedScript(file, cacheDir, 'file:///x').fromCache).toBe(true);
  });

  it('removes the caches of earlier builds when it saves', () => {
    const { file, cacheDir } = bundle('app-NEW.cjs');
    runCachedScript(file, cacheDir, 'file:///x').save();
    writeFileSync(join(cacheDir, 'app-OLD.cjs.v18.0.0-x64.v8'), 'old');
    writeFileSync(join(cacheDir, 'unrelated.txt'), 'kept');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// changed\n`);
    runCachedScript(file, cacheDir, 'file:///x').save();
    expect(readdirSync(cacheDir).sort()).toEqual([
      `app-NEW.cjs.${process.version}-${process.arch}.v8`,
      'unrelated.txt',
    ]);
  });

  it('runs without a cache where none can be written', () => {
    const { file, cacheDir } = bundle();
    // A file where the cache folder's parent should be: nothing can be made under it.
    writeFileSync(join(cacheDir, '..'), 'in the way');
    const script = runCachedScript(file, cacheDir, 'file:///x');
    expect(() => script.save()).not.toThrow();
    expect(script.exports.answer).toBe(scripts * 2);
  });
});
