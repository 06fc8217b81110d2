// `postier --help` lists every command from a table, without loading any of them (see
// src-main/cli/program.ts): each line must say what the command's own module registers,
// and no command a module registers may be missing from the list.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildFullProgram, buildProgram, commandNamed } from '../../src-main/cli/program.js';

/** name → "term  description", as `postier --help` prints a command's line. */
function helpLines(program: Command): Map<string, string> {
  const help = program.createHelp();
  return new Map(
    program.commands.map((command) => [
      command.name(),
      `${help.subcommandTerm(command)}  ${help.subcommandDescription(command)}`,
    ]),
  );
}

describe('postier --help', () => {
  it('lists each command as its module registers it, and every one of them', async () => {
    const listed = helpLines(await buildProgram(['--help']));
    const registered = helpLines(await buildFullProgram());
    expect([...listed.keys()].sort()).toEqual([...registered.keys()].sort());
    for (const [name, line] of registered) expect(listed.get(name), name).toBe(line);
  }, 60_000);

  it('gives a command its own options only when it is the one run', async () => {
    const program = await buildProgram(['--data', 'x', 'dossiers', 'list']);
    expect(program.commands.map((command) => command.name())).toEqual(['dossiers']);
    expect(program.commands[0]!.commands.map((command) => command.name())).toContain('list');
    expect(commandNamed(['help', 'send'])).toBe('send');
    expect(commandNamed(['--data', 'send', 'nothing'])).toBeNull();
  });
});
