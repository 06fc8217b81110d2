// Where the templates shipped with Postier live (e-mail templates, PDF layouts).
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The repository's (or the packaged app's) `templates` folder. Found by walking up from this
 * module rather than from the working directory, so that it works from the CLI, from tests,
 * and after the sources are bundled one or two folders deeper.
 */
export function templatesFolder(): string {
  cached ??= findTemplatesFolder(path.dirname(fileURLToPath(import.meta.url)));
  return cached;
}

function findTemplatesFolder(start: string): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'templates');
    if (isDirectory(candidate)) return candidate;
    if (path.dirname(folder) === folder) {
      throw new Error(`No "templates" folder above ${start}: the installation is incomplete.`);
    }
  }
}

function isDirectory(candidate: string): boolean {
  return statSync(candidate, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
