import fs from 'node:fs';

/**
 * Content read once per lifetime of its files: a value computed from some files is kept until one of them
 * changes (its size or modification time) or the list of files does. The build reads each file once; `astro
 * dev` sees a new term, source or chapter at the next render, without a restart. Starlight's plugins take data
 * sources the same way, not snapshots taken when the config loads.
 *
 * One store per process, on globalThis: the Markdown plugins (loaded with the config) and the pages (rendered
 * from Astro's bundle) run two copies of this module, and each would otherwise compute the same values again
 * (the bibliography, formatted by citeproc, was formatted twice per build).
 */
const store = ((globalThis as Record<symbol, unknown>)[Symbol.for('open-connect-guide.content-cache')] ??= {
  entries: new Map(),
  steady: false,
}) as { entries: Map<string, { signature: string; value: unknown }>; steady: boolean };
const entries = store.entries;

/** Forgets every value (tests: each test file starts empty, as it would in a process of its own). */
export function clearContentCache(): void {
  entries.clear();
  store.steady = false;
}

/**
 * Says that the content will not change for the rest of this process: `astro build` reads a checkout that
 * nothing writes to while it runs (src/integrations/content-lifetime.ts says so at the start of a build).
 * A value is then computed once and never checked against its files again: a build of 500 pages would
 * otherwise look at the state of every data file again for each page. `astro dev` never says it.
 */
export function holdContentSteady(): void {
  store.steady = true;
}

/** Whether the content is known not to change in this process (see holdContentSteady). */
export function contentIsSteady(): boolean {
  return store.steady;
}

/** A signature of the files' state: their paths, sizes and modification times. */
export function filesSignature(files: readonly string[]): string {
  return files
    .map((file) => {
      try {
        const stat = fs.statSync(file);
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${file}:missing`;
      }
    })
    .join('\n');
}

/**
 * The value of `compute()` for `key`, recomputed only when `files()` (a cheap listing) or the state of those
 * files changed since the last call. `extra` joins the signature for inputs that are not files (it is called only
 * when the signature is needed).
 */
export function fresh<T>(
  key: string,
  files: () => readonly string[],
  compute: () => T,
  extra: () => string = () => '',
): T {
  const hit = entries.get(key);
  if (hit && store.steady) return hit.value as T;
  const signature = `${extra()}\n${filesSignature(files())}`;
  if (hit && hit.signature === signature) return hit.value as T;
  const value = compute();
  entries.set(key, { signature, value });
  return value;
}
