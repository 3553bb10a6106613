import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { cardStats } from '../lib/card-stats';
import { mdxStats } from './mdx-cache';

/**
 * Prints where a build's time goes, one phase per line and a summary at the end (which `npm run bench` reads):
 * content loading (Astro's content sync), Markdown and bundling (Vite compiling the MDX, the components and
 * the code), pages (rendering every route), the social cards (drawn on worker threads alongside the pages),
 * the anchor check, Pagefind, and the total. Times are milliseconds of the build's own process clock
 * (performance.now(), from the process's start); CPU time is the process's user + system time.
 *
 * Our other integrations report their own steps with `timed(name, step)`; this one must come last in the
 * config, so that its astro:build:done runs after theirs.
 */
const KEY = Symbol.for('open-connect-guide.timing');
type Store = Map<string, number>;
const store = (): Store => ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Store;

/** Runs one step of an integration and records how long it took under `name`. */
export async function timed<T>(name: string, step: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    store().set(name, (store().get(name) ?? 0) + performance.now() - started);
  }
}

const seconds = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(2)} s`);

/** The summary line's prefix; scripts/bench/phases.ts parses the line that starts with it. */
export const SUMMARY = 'phases:';

export function timingIntegration(): AstroIntegration {
  const marks: Record<string, number> = {};
  let bundleStart: number | undefined;
  let bundleEnd: number | undefined;
  // The first Vite environment to start bundling and the last to finish, before the pages render.
  const bundleTimer: Plugin = {
    name: 'guide:timing',
    apply: 'build',
    buildStart() {
      bundleStart ??= performance.now();
    },
    writeBundle() {
      bundleEnd = performance.now();
    },
  };
  return {
    name: 'guide:timing',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [bundleTimer] } });
      },
      'astro:config:done': () => {
        marks['configured'] = performance.now();
      },
      'astro:build:start': () => {
        store().clear();
        marks['contentLoaded'] = performance.now();
      },
      'astro:build:generated': () => {
        marks['generated'] = performance.now();
      },
      'astro:build:done': ({ logger }) => {
        const end = performance.now();
        const phase = (from: number | undefined, to: number | undefined) =>
          from === undefined || to === undefined ? undefined : to - from;
        const cards = cardStats();
        const cpu = process.cpuUsage();
        const parts: [string, number | undefined][] = [
          ['content', phase(marks['configured'], marks['contentLoaded'])],
          ['markdown', phase(bundleStart, bundleEnd)],
          ['pages', phase(bundleEnd, marks['generated'])],
          ['cards', phase(cards.started, cards.finished)],
          ['links', store().get('links')],
          ['pagefind', store().get('pagefind')],
          ['total', end],
        ];
        logger.info(
          `markdown: ${mdxStats.compiled} MDX file(s) compiled${mdxStats.compiled ? ` between ${seconds(mdxStats.first)} and ${seconds(mdxStats.last)}` : ''}, ${mdxStats.reused} from the MDX cache`,
        );
        logger.info(
          `cards: ${cards.drawn} drawn${cards.workers ? ` on ${cards.workers} worker thread(s)` : ''}, ${cards.reused} from the card cache`,
        );
        logger.info(
          `${SUMMARY} ${parts.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}; cpu ${seconds((cpu.user + cpu.system) / 1000)}`,
        );
      },
    },
  };
}
