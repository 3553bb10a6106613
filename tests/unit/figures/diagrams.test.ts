import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { TALK_DIAGRAMS, TALK_DIAGRAM_VIEWS, talkDiagramData } from '../../../src/figures/talk-diagrams';
import { layoutDiagram, partRows } from '../../../src/figures/diagram/layouts';
import {
  arrows,
  insideView,
  overlaps,
  rects,
  segmentHits,
  textBox,
  texts,
  type Drawing,
  type PathShape,
} from '../../../src/figures/diagram/drawing';
import { contentDir } from '../../../src/lib/content-dir';

/**
 * The talk's diagrams, redrawn (src/figures/talk-diagrams.ts): each data file loads with its evidence, and
 * each layout puts every label inside the drawing, none on another, in a drawing narrow enough for a phone.
 * What a reader would otherwise have to check by eye.
 */

/** Text boxes that overlap, as pairs of their words (the lines of one label may touch, not overlap). */
function crowded(d: Drawing): string[] {
  const boxes = texts(d).map((t) => ({ t, b: textBox(t) }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i]!.b, boxes[j]!.b, -0.5)) out.push(`"${boxes[i]!.t.text}" / "${boxes[j]!.t.text}"`);
  return out;
}

describe.each(TALK_DIAGRAM_VIEWS)('the talk diagram "%s"', (view) => {
  const spec = TALK_DIAGRAMS[view];
  const parts = talkDiagramData(view).load();
  const drawings = layoutDiagram(spec.layout, parts);

  it('loads its parts, each with evidence from the talk’s slides', () => {
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts)
      for (const item of p.cite.items) expect(item.key, `${p.id}: ${p.cite.text}`).toBe('looney-fosdem-2019-slides');
  });

  it('is drawn at most 288 units wide, so that its 12-unit text is 12 px or more on a 320 px phone', () => {
    for (const { drawing } of drawings) {
      expect(drawing.width).toBeLessThanOrEqual(288);
      expect(drawing.height).toBeGreaterThan(50);
    }
  });

  it('puts every label inside the drawing, none on another', () => {
    for (const { drawing } of drawings) {
      for (const t of texts(drawing)) expect(insideView(textBox(t), drawing), `"${t.text}" outside`).toBe(true);
      expect(crowded(drawing)).toEqual([]);
    }
  });

  it('draws no arrow or line across a label', () => {
    for (const { drawing } of drawings) {
      const lines = drawing.shapes.filter((x): x is PathShape => x.kind === 'path' && x.points.length > 1);
      // A badge's number sits on its arrow, by design.
      for (const t of texts(drawing).filter((x) => x.cls !== 'i')) {
        const b = textBox(t);
        for (const l of lines)
          for (let i = 1; i < l.points.length; i++)
            expect(segmentHits(l.points[i - 1]!, l.points[i]!, b), `"${t.text}" crossed by ${l.of ?? l.d}`).toBe(false);
      }
    }
  });

  it('draws the words of every part that has a place of its own, and describes the drawing in words', () => {
    const shown = drawings.flatMap(({ drawing }) => texts(drawing).map((t) => t.of));
    for (const p of parts.filter(
      (x) => !['line', 'flow'].includes(x.kind) && !(x.kind === 'arrow' && spec.layout === 'ring'),
    ))
      expect(shown, p.id).toContain(p.id);
    for (const d of drawings) expect(d.desc.length).toBeGreaterThan(40);
    expect(partRows(parts).map((r) => r.part.id)).toEqual(parts.map((p) => p.id));
  });

  it('draws each arrow as a path with its head, in the order of the data', () => {
    const drawn = drawings.flatMap(({ drawing }) => arrows(drawing));
    for (const a of drawn) expect(a.d).toMatch(/^M/);
    const kinds = new Set(parts.map((p) => p.kind));
    if (kinds.has('arrow') || kinds.has('flow')) expect(drawn.length).toBeGreaterThan(0);
    for (const a of drawn.filter((x) => x.cls.startsWith('a'))) expect(a.head, a.of).toBeDefined();
  });
});

describe('the workload diagram (slide 6)', () => {
  const parts = talkDiagramData('workload').load();
  const [{ drawing, desc }] = layoutDiagram('grid', parts) as [{ drawing: Drawing; desc: string }];
  const box = (id: string) => rects(drawing).find((r) => r.of === id)!;

  it('runs its four arrows disks → plain text → CPU → encrypted → NICs, each starting and ending on its boxes', () => {
    const a = arrows(drawing);
    expect(a.map((x) => x.of)).toEqual(['from-disk', 'to-cpu', 'back-to-ram', 'to-nics']);
    const ends = {
      'from-disk': ['disks', 'plain'],
      'to-cpu': ['plain', 'cpu'],
      'back-to-ram': ['cpu', 'encrypted'],
      'to-nics': ['encrypted', 'nics'],
    };
    const on = (p: { x: number; y: number }, id: string) => {
      const b = box(id);
      return p.x >= b.x && p.x <= b.x + b.w && (Math.abs(p.y - b.y) < 0.5 || Math.abs(p.y - (b.y + b.h)) < 0.5);
    };
    for (const x of a) {
      const [from, to] = ends[x.of as keyof typeof ends] as [string, string];
      expect(on(x.points[0]!, from), `${x.of} starts on ${from}`).toBe(true);
      expect(on(x.points.at(-1)!, to), `${x.of} ends on ${to}`).toBe(true);
    }
    expect(desc).toContain('1, Disks to Plain-text Data');
    expect(desc).toContain('4, Encrypted Data to NICs');
  });

  it('keeps the plain-text and encrypted boxes inside RAM', () => {
    const ram = box('ram');
    for (const id of ['plain', 'encrypted']) {
      const b = box(id);
      expect(b.x > ram.x && b.y > ram.y && b.x + b.w < ram.x + ram.w && b.y + b.h < ram.y + ram.h, id).toBe(true);
    }
  });
});

describe('the release cycle (slide 13)', () => {
  const parts = talkDiagramData('release').load();
  const [{ drawing, desc }] = layoutDiagram('span', parts) as [{ drawing: Drawing; desc: string }];

  it('draws canary testing between dev testing and the phased rollout, on a ten-week axis', () => {
    const bar = (id: string) => rects(drawing).find((r) => r.of === id)!;
    expect(bar('dev-testing').x + bar('dev-testing').w).toBeCloseTo(bar('canary').x, 0);
    expect(bar('canary').x + bar('canary').w).toBeCloseTo(bar('rollout').x, 0);
    expect(desc).toContain('A time axis of 10 weeks');
    expect(desc).toContain('Canary Testing (weeks 6.5 to 8)');
  });
});

describe('the diagrams’ data rules', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-diagram-'));
  const write = (text: string) => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, text);
    return file;
  };
  const cite = `cite: 'our reading of @looney-fosdem-2019-slides, slide 6'`;

  it('fail on an arrow to a part that does not exist, naming the file and the part', () => {
    const file = write(
      `- id: a\n  kind: box\n  label: A\n  col: 0\n  row: 0\n  ${cite}\n- id: x\n  kind: arrow\n  label: X\n  from: a\n  to: b\n  ${cite}\n`,
    );
    expect(() => talkDiagramData('workload').read(file, contentDir())).toThrow(
      /bad\.yaml.*entry "x": field "to" names "b", which is no part/,
    );
  });

  it('fail on a kind the layout does not draw, and on a stage outside its phase', () => {
    const file = write(`- id: a\n  kind: lane\n  label: A\n  ${cite}\n`);
    expect(() => talkDiagramData('workload').read(file, contentDir())).toThrow(
      /kind "lane" is not drawn by this diagram's layout \(grid\)/,
    );
    const stage = write(
      `- id: p\n  kind: phase\n  label: P\n  start: 0\n  end: 5\n  ${cite}\n- id: s\n  kind: stage\n  label: S\n  in: p\n  start: 4\n  end: 6\n  ${cite}\n`,
    );
    expect(() => talkDiagramData('release').read(stage, contentDir())).toThrow(
      /entry "s": runs 4–6, outside its phase "p"/,
    );
  });
});
