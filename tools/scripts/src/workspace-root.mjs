import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the fti workspace root (three levels above this file: tools/scripts/src). */
export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
