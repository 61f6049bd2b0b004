import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/commands/args.js';

describe('parseCommandLine', () => {
  it('takes a command, its argument and options in any order', () => {
    const parsed = parseCommandLine([
      '--library',
      'a',
      'show',
      'my-id',
      '--width',
      '60',
      '--library=b',
      '--json',
    ]);
    expect(parsed).toMatchObject({
      command: { name: 'show' },
      positionals: ['my-id'],
      library: ['a', 'b'],
      width: 60,
      json: true,
    });
  });

  it('runs without a command', () => {
    expect(parseCommandLine([]).command).toBeUndefined();
    expect(parseCommandLine(['--library', 'x']).library).toEqual(['x']);
  });

  it('lets --help stand in for missing arguments', () => {
    expect(parseCommandLine(['show', '--help'])).toMatchObject({
      command: { name: 'show' },
      help: true,
    });
  });

  it.each([
    { argv: ['frobnicate'], message: "unknown command 'frobnicate'" },
    { argv: ['list', '--frob'], message: "unknown option '--frob'" },
    { argv: ['-x'], message: "unknown option '-x'" },
    { argv: ['list', '--library'], message: "option '--library' needs a value" },
    { argv: ['list', '--json=yes'], message: "option '--json' takes no value" },
    { argv: ['list', '--width', '40'], message: 'option --width does not apply to list' },
    { argv: ['--json'], message: 'option --json does not apply to inkwell' },
    { argv: ['show'], message: 'show needs the id of an article, as inkwell list gives it' },
    { argv: ['show', 'a', 'b'], message: "unexpected argument 'b'" },
    {
      argv: ['show', 'a', '--width', '9'],
      message: '--width must be a whole number from 10 to 1000',
    },
    {
      argv: ['show', 'a', '--width', '1001'],
      message: '--width must be a whole number from 10 to 1000',
    },
    {
      argv: ['show', 'a', '--width', '12.5'],
      message: '--width must be a whole number from 10 to 1000',
    },
    { argv: ['list', 'extra'], message: "unexpected argument 'extra'" },
  ])('refuses $argv', ({ argv, message }) => {
    expect(() => parseCommandLine(argv)).toThrow(new UsageError(message));
  });
});
