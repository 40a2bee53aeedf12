import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** True when an executable named `command` is in a folder of `PATH` (test harnesses only). */
export function isOnPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
