import { clearContentCache } from '../../src/lib/content-cache';

// The content cache is one store per process, on globalThis (src/lib/content-cache.ts). A test worker runs
// many test files, and mutation testing many runs, in one process: each starts with an empty store, so that
// no file's result depends on what an earlier one computed.
clearContentCache();
