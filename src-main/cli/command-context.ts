// What every command receives: the way to open the data folder named on the command line.
// Its own module so that commands never import program.ts, which only assembles them.
import type { Command } from 'commander';
import type { Postier } from '../app/postier.js';

export interface CliContext {
  /** Runs `work` on the data folder named by --data (or POSTIER_DATA, or the default). */
  withPostier<T>(command: Command, work: (postier: Postier) => Promise<T>): Promise<T>;
}

/** The --data option as given (on the command or any parent), or undefined. */
export function dataOption(command: Command): string | undefined {
  return command.optsWithGlobals<{ data?: string }>().data;
}

export function createCliContext(): CliContext {
  return {
    withPostier: async (command, work) => {
      const data = dataOption(command);
      // The services (and the packages they load) come with the first command that opens
      // the data folder: `postier --help` never loads them.
      const { openPostier } = await import('../app/postier.js');
      const postier = await openPostier(data === undefined ? {} : { dataPath: data });
      try {
        return await work(postier);
      } finally {
        await postier.close();
      }
    },
  };
}
