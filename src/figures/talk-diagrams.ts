import { dataFile, defineFigure } from './define';
import { checkParts, partCites, partSchema, type LayoutName, type Part } from './diagram/parts';

/**
 * The talk's own diagrams, redrawn (TalkDiagram.astro): one figure per view, each from its data file
 * content/figures/talk-<view>.yaml, a list of parts (./diagram/parts.ts) with the slide's words and their
 * evidence, laid out by one of the shared layouts (./diagram/layouts.ts). A chapter shows one with
 * `<TalkDiagram view="traffic" />`. Nothing here copies a slide image: the layouts draw boxes, lines, bars
 * and rings of their own, where the data puts them.
 */

export interface DiagramView {
  /** The figure's id on its page (its anchor). */
  id: string;
  /** The caption's title. */
  title: string;
  /** The slide or slides it redraws (for the caption). */
  slides: string;
  layout: LayoutName;
  /** The drawing's title, for a screen reader (a ring has its own). */
  label: string;
  /** The caption after the title: what is the slide's and what is ours. */
  caption: string;
}

export const TALK_DIAGRAMS = {
  workload: {
    id: 'oca-workload',
    title: 'The workload, after the talk’s slide 6',
    slides: 'slide 6',
    layout: 'grid',
    label: 'How a chunk of video moves through an appliance',
    caption:
      'Our drawing of the talk’s diagram: the boxes carry the slide’s words, and the arrows’ direction and numbers are our reading of its lines, which pass through the CPU. Solid arrows carry plain text, dashed ones encrypted data; each number marks a pass into or out of RAM, the crossings counted in the text.',
  },
  traffic: {
    id: 'open-connect-traffic',
    title: 'Open Connect traffic, after the talk’s slide 5',
    slides: 'slide 5',
    layout: 'grid',
    label: 'Video apps on many devices, all joined to Open Connect',
    caption:
      'Our drawing of the talk’s picture: four piles of video apps, each joined by a line to Open Connect. The slide draws lines without arrows and gives no numbers; what the lines carry is our reading.',
  },
  branches: {
    id: 'head-branches',
    title: 'FreeBSD head, Netflix master, Netflix release branches, after the talk’s slide 12',
    slides: 'slide 12',
    layout: 'lanes',
    label: 'Changes flow from FreeBSD head into Netflix master, and release branches are cut from master',
    caption:
      'Our drawing of the talk’s diagram: three lines with the slide’s labels, and as many strokes between them as the slide draws, six from head to master and four from master, each of those ending in a short line. That the strokes run downwards, as arrows, and what they stand for are our reading; they draw a pattern, not a record of real merges.',
  },
  release: {
    id: 'release-cycle',
    title: 'One release cycle, after the talk’s slide 13',
    slides: 'slide 13',
    layout: 'span',
    label: 'A ten-week release cycle: five weeks of development, five of testing and deployment',
    caption:
      'Our drawing of the talk’s timeline: the stages and phases carry the slide’s words; where each stage starts and ends is our reading of the slide’s weekly tick marks. Canary testing is the middle stage of the second five weeks, between dev testing and the phased rollout.',
  },
  cycles: {
    id: 'merge-rings',
    title: 'The vicious and the virtuous cycle, after the talk’s slides 17 and 18',
    slides: 'slides 17 and 18',
    layout: 'ring',
    label: 'Two rings of three labels',
    caption:
      'Our drawing of the talk’s two rings, side by side on a wide screen: the labels are the slides’ own, and that each leads to the next, clockwise, is our reading of the slides’ arrows.',
  },
} as const satisfies Record<string, DiagramView>;

export type TalkDiagramView = keyof typeof TALK_DIAGRAMS;
export const TALK_DIAGRAM_VIEWS = Object.keys(TALK_DIAGRAMS) as TalkDiagramView[];

const files = Object.fromEntries(
  TALK_DIAGRAM_VIEWS.map((view) => [
    view,
    dataFile(`talk-${view}`, partSchema, (parts: Part[], file) => checkParts(TALK_DIAGRAMS[view].layout, parts, file)),
  ]),
) as Record<TalkDiagramView, ReturnType<typeof dataFile<Part>>>;

/** The data file of a view: content/figures/talk-<view>.yaml. */
export const talkDiagramData = (view: TalkDiagramView) => files[view];

const viewOf = (view?: string): TalkDiagramView =>
  view !== undefined && view in TALK_DIAGRAMS ? (view as TalkDiagramView) : 'workload';

export default defineFigure({
  component: 'TalkDiagram',
  views: TALK_DIAGRAM_VIEWS,
  load: (dir) => TALK_DIAGRAM_VIEWS.map((v) => files[v].load(dir)),
  cites: (view, dir) => partCites(files[viewOf(view)].load(dir)),
});
