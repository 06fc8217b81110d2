// The `postier send` command group, shared by the commands that prepare, act on and send
// messages: each registers its subcommands on the one group.
import type { Command } from 'commander';

export function sendCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'send') ??
    program.command('send').description('préparation, validation et envoi des documents par e-mail')
  );
}
