import { z } from '../schemas/zod';
import { PRESETS } from '../lib/models/serving';
import { dataFile, dateField, defineFigure } from './define';

/**
 * The serving budget of one appliance (ServingBudget.astro), an explorable over the first-order model in
 * src/lib/models/serving.ts. Its data file, content/figures/serving-calibration.yaml, holds the published
 * results the model is calibrated and checked against, one per preset. The geometry and words, shared with
 * the browser, are in src/lib/charts/budget.ts (no library imports there).
 */

export const calibrationData = dataFile('serving-calibration', ({ cite }) =>
  z.strictObject({
    label: z.string().min(1),
    date: dateField,
    /** The model's preset that stands for this server (src/lib/models/serving.ts, PRESETS). */
    preset: z.enum(Object.keys(PRESETS) as [keyof typeof PRESETS, ...(keyof typeof PRESETS)[]]),
    /** The published result, in words. */
    published: z.string().min(1),
    cite,
  }),
);

export type Calibration = ReturnType<typeof calibrationData.load>[number];

export default defineFigure({
  component: 'ServingBudget',
  load: calibrationData.load,
  cites: (_view, dir) => calibrationData.load(dir).map((r) => r.cite),
});
