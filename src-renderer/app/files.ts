// Choosing files: the system's dialog in Electron (files.pick), the browser's in the host
// (the bytes go to the main side with files.upload). Either way the page holds references.
import type { z } from 'zod';
import type { stagedFileSchema } from '../../src-shared/contract/app.js';
import { api, call } from '../api.js';

export type StagedFile = z.output<typeof stagedFileSchema>;

export async function chooseFiles(
  nativeDialogs: boolean,
  purpose: 'attachment' | 'import',
  multiple = false,
): Promise<StagedFile[]> {
  if (nativeDialogs) return (await call(api.files.pick({ purpose, multiple }))).files;
  const chosen = await browseInPage(multiple);
  const staged: StagedFile[] = [];
  for (const file of chosen) {
    staged.push(await call(api.files.upload({ name: file.name, base64: await base64Of(file) })));
  }
  return staged;
}

function browseInPage(multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Saves bytes the main side made (a CSV export) through the browser's download. */
export function saveBytes(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
