import { contentDir } from '../lib/content-dir';
import { defineFigure, moduleCite } from './define';

/**
 * Merging often versus putting it off (MergeCycles.astro), an explorable over the ILLUSTRATIVE model in
 * src/lib/models/merge.ts. It has no data: its numbers are invented to show the shape of the talk's
 * argument, so what it rests on is the guide's reading of the talk's two cycle diagrams. The geometry and
 * words, shared with the browser, are in src/lib/charts/merge-chart.ts.
 */
export const MERGE_CITE = 'our reading of @looney-fosdem-2019-slides, slides 17–18';

export default defineFigure({
  component: 'MergeCycles',
  cites: (_view?: string, dir = contentDir()) => [moduleCite('src/figures/merge-cycles.ts', MERGE_CITE, dir)],
});
