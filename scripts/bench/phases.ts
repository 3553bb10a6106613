/**
 * Where a build's time went, read from what it printed: Astro's own phase lines (the same for our site and
 * for Starlight) and the summary our timing integration prints (src/integrations/timing.ts). Seconds of the
 * build's own clock; undefined where a build did not say.
 */
export interface Phases {
  /** Content sync and type generation ("[types] Generated 2.34s"). */
  content?: number | undefined;
  /** Vite bundling, which compiles the Markdown and MDX ("[vite] ✓ built in 18.04s", every environment). */
  markdown?: number | undefined;
  /** Rendering every route ("generating static routes" … "✓ Completed in 13.63s."). */
  pages?: number | undefined;
  /** Drawing the social cards, on worker threads alongside the pages (ours only). */
  cards?: number | undefined;
  /** Building the search index after the site. */
  pagefind?: number | undefined;
}

/** "18.04s", "512ms", "1m 6s" (Astro's getTimeStat) as seconds. */
export function duration(text: string): number | undefined {
  const t = text.trim();
  let m = /^(\d+(?:\.\d+)?)ms$/.exec(t);
  if (m) return Number(m[1]) / 1000;
  m = /^(\d+(?:\.\d+)?)\s?s$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+)m\s+(\d+(?:\.\d+)?)s$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return undefined;
}

const TIME = String.raw`(\d+(?:\.\d+)?(?:ms|\s?s)|\d+m\s+\d+(?:\.\d+)?s)`;

export function parsePhases(output: string): Phases {
  const first = (re: RegExp) => {
    const m = re.exec(output);
    return m ? duration(m[1]!) : undefined;
  };
  const vite = [...output.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${TIME}`, 'g'))].map(
    (m) => duration(m[1]!) ?? 0,
  );
  const summary = /phases: (.*)$/m.exec(output)?.[1] ?? '';
  const fromSummary = (name: string) => {
    const m = new RegExp(String.raw`\b${name} (\d+(?:\.\d+)?) s`).exec(summary);
    return m ? Number(m[1]) : undefined;
  };
  return {
    content: first(new RegExp(String.raw`\[types\] Generated ${TIME}`)),
    markdown: vite.length > 0 ? vite.reduce((a, b) => a + b, 0) : undefined,
    pages: first(new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in ${TIME}\.`)),
    cards: fromSummary('cards'),
    pagefind: fromSummary('pagefind') ?? first(new RegExp(String.raw`Finished building search index in ${TIME}`)),
  };
}
