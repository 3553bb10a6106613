import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, cardTree, type CardText } from '../../../src/lib/social-card';

/** The bounding box of the text satori drew: glyph outlines are paths of absolute M, L, Q and Z commands. */
function textBox(svg: string) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [, d = ''] of svg.matchAll(/<path fill="[^"]*" d="([^"]*)"/g)) {
    if (/[^MLQZ\d\s.,-]/.test(d)) continue;
    const numbers = d.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
    numbers.forEach((n, i) => (i % 2 === 0 ? xs : ys).push(n));
  }
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), n: xs.length };
}

const long: CardText = {
  title: 'How Netflix serves a fifth of the internet’s traffic from FreeBSD boxes in ISPs',
  kicker: 'Kernel features',
  siteName: 'Open Connect & FreeBSD',
  tagline:
    'After the FOSDEM 2019 talk: a sourced guide to how Netflix delivers video with FreeBSD, every claim checked',
};

describe('the social card’s margins', () => {
  it('keeps long text inside the card’s padding, wrapping it rather than letting it run off the card', async () => {
    const [top, side] = String(cardTree(long).props.style?.['padding'])
      .split(' ')
      .map((v) => parseFloat(v)) as [number, number];
    const box = textBox(await cardSvg(long));
    // Glyph outlines, not just a few rectangles.
    expect(box.n).toBeGreaterThan(1000);
    // A glyph's outline may reach a pixel or two past its advance.
    const slack = 4;
    expect(box.left).toBeGreaterThanOrEqual(side - slack);
    expect(box.right).toBeLessThanOrEqual(CARD_WIDTH - side + slack);
    expect(box.top).toBeGreaterThanOrEqual(top - slack);
    expect(box.bottom).toBeLessThanOrEqual(CARD_HEIGHT - top + slack);
  });
});
