// Where the repository is, for the benchmarks' paths (the proxy binary, www/, pkg/, the peer).
import { resolve } from 'node:path';

/** The repository's root (two levels above bench/lib/). */
export const ROOT = resolve(import.meta.dirname, '..', '..');
