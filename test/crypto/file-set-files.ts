import type { FileToWrite } from '../../src/crypto/write-files-together.ts';

/** The three files of the writeFilesTogether tests, their contents marked with `label`. */
export function fileSet(label: string): FileToWrite[] {
  return [
    { name: 'secret.key', data: label, mode: 0o600 },
    { name: 'public.crt', data: `${label} public`, mode: 0o644 },
    { name: 'store.p12', data: `${label} store`, mode: 0o600 },
  ];
}

/** The names of {@link fileSet}. */
export const FILE_NAMES = ['secret.key', 'public.crt', 'store.p12'];
