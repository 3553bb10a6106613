import { z } from './zod';

const sitePath = z
  .string()
  .regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/, 'use a site path such as "/workload/#the-data-path"');

/** One point of the talk's slides (content/talk.yaml) and where the guide covers it. */
export const talkPointSchema = z.strictObject({
  /** The slide's title or point, as the talk words it (a short quotation). */
  slide: z.string().min(2).max(120),
  /** What it says, in our own words. */
  summary: z.string().min(20).max(300),
  /** Site path (with an optional #anchor) of the section that covers it. */
  page: sitePath,
  /** Sections of the guide that go beyond what the talk says on this point (chapters the talk has no slide for). */
  further: z.array(sitePath).default([]),
  /** The guide's drawings of the slide's diagram: site paths with the figure's id as the anchor. */
  figures: z
    .array(
      sitePath.refine((p) => p.includes('#'), 'give the figure\'s id as the anchor, e.g. "/workload/#oca-workload"'),
    )
    .default([]),
  /** Words that page must keep; tests check them, so a rewrite cannot drop the point. */
  evidence: z.array(z.string().min(2)).min(1),
});

export type TalkPoint = z.infer<typeof talkPointSchema>;
