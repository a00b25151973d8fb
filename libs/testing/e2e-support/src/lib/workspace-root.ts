import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The repository root: the nearest folder above `from` holding nx.json. */
export function findWorkspaceRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(resolve(dir, 'nx.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no nx.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const ROOT = findWorkspaceRoot();
