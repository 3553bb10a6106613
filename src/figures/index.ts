import { contentDir } from '../lib/content-dir';
import { ContentError } from '../lib/errors';
import { sourceKeys, type Cite, type Figure, type FigureUse } from './define';

/**
 * The registry of figures: every module in this folder (but this one and ./define.ts) is one figure, its
 * default export made with `defineFigure` (see ./define.ts). Nothing else lists figures: a new module is
 * found here, its figure counted on /sources/ wherever a chapter shows its component (remark-figures records
 * that in the page record).
 *
 *   import { figureByComponent, figureCites } from '../figures';
 *   figureByComponent('ThroughputChart')                      → the module's Figure
 *   figureCites({ name: 'ReleaseCycles', view: 'netflix' })   → the citations behind that view
 */
const modules = import.meta.glob<{ default?: unknown }>(['./*.ts', '!./index.ts', '!./define.ts'], { eager: true });

const isFigure = (value: unknown): value is Figure =>
  typeof value === 'object' && value !== null && typeof (value as Figure).component === 'string';

function collect(): ReadonlyMap<string, Figure> {
  const byComponent = new Map<string, Figure>();
  const files = new Map<string, string>();
  for (const [file, mod] of Object.entries(modules)) {
    const figure = mod.default;
    const shown = `src/figures/${file.slice(2)}`;
    if (!isFigure(figure))
      throw new ContentError(
        shown,
        undefined,
        'a module in src/figures/ must `export default defineFigure({ component, cites, … })`; move helpers elsewhere',
      );
    const other = files.get(figure.component);
    if (other)
      throw new ContentError(shown, undefined, `component "${figure.component}" is already declared by ${other}`);
    files.set(figure.component, shown);
    byComponent.set(figure.component, figure);
  }
  return byComponent;
}

/** Every figure, by the name of the component that draws it. */
export const FIGURES: ReadonlyMap<string, Figure> = collect();

/** The figure drawn by a component, or an error that says where to declare it. */
export function figureByComponent(name: string): Figure {
  const figure = FIGURES.get(name);
  if (!figure)
    throw new ContentError(
      `src/components/figures/${name}.astro`,
      undefined,
      `figure component "${name}" is declared by no module in src/figures/; add one that does \`export default defineFigure({ component: '${name}', … })\``,
    );
  return figure;
}

/** The citations behind one figure as a chapter shows it; an unknown `view` is an error. */
export function figureCites({ name, view }: FigureUse, dir = contentDir()): readonly Cite[] {
  const figure = figureByComponent(name);
  if (view !== undefined && !(figure.views ?? []).includes(view))
    throw new ContentError(
      `src/components/figures/${name}.astro`,
      undefined,
      `view "${view}" is not a view of this figure; use ${(figure.views ?? []).map((v) => `"${v}"`).join(', ') || 'no view attribute'}`,
    );
  return figure.cites(view, dir);
}

/** The bibliography keys behind one figure as a chapter shows it, in order of first use. */
export const figureSources = (use: FigureUse, dir = contentDir()): string[] => sourceKeys(figureCites(use, dir));

// Figure modules import from ./define, never from here: this module imports them all.
export type { Cite, Figure, FigureUse } from './define';
