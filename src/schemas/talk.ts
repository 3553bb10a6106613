import { z } from './zod';

/** One point of the talk's slides (content/talk.yaml) and where the guide covers it. */
export const talkPointSchema = z.object({
  /** The slide's title or point, as the talk words it (a short quotation). */
  slide: z.string().min(2).max(120),
  /** What it says, in our own words. */
  summary: z.string().min(20).max(300),
  /** Site path (with an optional #anchor) of the section that covers it. */
  page: z.string().regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/, 'use a site path such as "/workload/#the-data-path"'),
  /** Words that page must keep; tests check them, so a rewrite cannot drop the point. */
  evidence: z.array(z.string().min(2)).min(1),
});

export type TalkPoint = z.infer<typeof talkPointSchema>;
