import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileError } from './file-errors.js';
import { harness } from './test-support/harness.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'wireai-files-'));

describe('file errors name the path and say what went wrong', () => {
  it.each([
    [{ code: 'EACCES' }, 'permission denied'],
    [{ code: 'EPERM' }, 'permission denied'],
    [{ code: 'EISDIR' }, 'it is a directory'],
    [{ code: 'ENOTDIR' }, 'a part of the path is a file, not a folder'],
  ])('%j', (error, words) => {
    expect(fileError(error, 'save to', 'a/b.json', true).message).toBe(`Cannot save to a/b.json: ${words}`);
  });

  it('a missing folder when writing, a missing file when reading', () => {
    expect(fileError({ code: 'ENOENT' }, 'save to', 'no/such/x.json', true).message).toBe(
      'Cannot save to no/such/x.json: the folder no/such does not exist',
    );
    expect(fileError({ code: 'ENOENT' }, 'load', 'x.json', false).message).toBe(
      'Cannot load x.json: no such file',
    );
  });
});

describe('/save and /load in the chat', () => {
  async function chat(lines: string) {
    const cli = harness({});
    cli.stdin.end(lines);
    const code = await cli.run(['--mock', 'chat']);
    // The first line is the --mock notice; the rest are the chat's.
    return { code, errors: cli.err().trim().split('\n').slice(1), out: cli.out() };
  }

  it('refuses, in words, what it cannot save or load; the chat goes on', async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'garbage.bin'),
      Buffer.from([0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a, 0x7b, 0x80, 0xfe]),
    );
    writeFileSync(join(dir, 'other.json'), '{"name":"not a session","messages":"nope"}');
    writeFileSync(
      join(dir, 'bad-messages.json'),
      '{"version":1,"kind":"chat","options":{},"messages":[{"role":42}]}',
    );
    mkdirSync(join(dir, 'folder'));
    const result = await chat(
      [
        `/save ${dir}/missing/chat.json`,
        `/save ${dir}/folder`,
        `/load ${dir}/absent.json`,
        `/load ${dir}/folder`,
        `/load ${dir}/garbage.bin`,
        `/load ${dir}/other.json`,
        `/load ${dir}/bad-messages.json`,
        'still here',
        '',
      ].join('\n'),
    );
    expect(result.errors).toEqual([
      `wireai: Cannot save to ${dir}/missing/chat.json: the folder ${dir}/missing does not exist`,
      `wireai: Cannot save to ${dir}/folder: it is a directory`,
      `wireai: Cannot load ${dir}/absent.json: no such file`,
      `wireai: Cannot load ${dir}/folder: it is a directory`,
      `wireai: Cannot load ${dir}/garbage.bin: not JSON (a file /save wrote is)`,
      `wireai: Cannot load ${dir}/other.json: not a saved session (JSON, but not what /save writes)`,
      `wireai: Cannot load ${dir}/bad-messages.json: not a saved session (JSON, but not what /save writes)`,
    ]);
    expect(result.out).toContain('ai  › Echo: still here');
    expect(result.code).toBe(1); // piped, and commands failed
  });

  it('loads what it saved, for both APIs', async () => {
    const dir = scratch();
    const saved = await chat(`hello\n/save ${dir}/chat.json\n`);
    expect(saved.errors).toEqual([]);
    const loaded = await chat(`/load ${dir}/chat.json\n/usage\n`);
    expect(loaded.errors).toEqual([]);
    expect(loaded.out).toContain(`(loaded ${dir}/chat.json)`);
    expect(loaded.out).toMatch(/\(usage: 1 request, /);
    expect(loaded.code).toBe(0);
  });
});

describe('image --out', () => {
  it('names the path when the folder is missing (exit 1)', async () => {
    const dir = scratch();
    const cli = harness({});
    expect(await cli.run(['--mock', 'image', 'a cat', '--out', `${dir}/no/cat.png`])).toBe(1);
    expect(cli.err().trim().split('\n').at(-1)).toBe(
      `wireai: Cannot write ${dir}/no/cat.png: the folder ${dir}/no does not exist`,
    );
  });

  it('says when the image is the mock server’s placeholder', async () => {
    const out = join(scratch(), 'cat.png');
    const cli = harness({});
    expect(await cli.run(['--mock', 'image', 'a cat', '--out', out])).toBe(0);
    const bytes = readFileSync(out).length;
    expect(cli.out()).toBe(`wrote ${out} (${bytes} bytes; a placeholder from the mock server)\n`);
  });
});
