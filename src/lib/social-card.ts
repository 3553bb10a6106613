import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
// With its extension: the card workers (src/lib/card-worker.ts) load this module with Node's own loader.
import { fontData, fontDigest, fontFilesFor } from './card-fonts.ts';

/** Size of a social card: the 1.91:1 image that Open Graph and Twitter's large summary card show. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * Site path of a page's card: "/" → "/og/index.png", "/kernel-features/kernel-tls/" →
 * "/og/kernel-features/kernel-tls.png". Pages that are not part of the guide's reading (the 404 page) share
 * the home page's card.
 */
export function cardPath(sitePath: string): string {
  const slug = sitePath.replace(/^\/|\/$/g, '');
  return `/og/${slug === '' || slug.endsWith('.html') ? 'index' : slug}.png`;
}

export interface CardText {
  /** The page's title, in large type. */
  title: string;
  /** Above the title: the chapter a sub-page belongs to, or what kind of page it is. */
  kicker: string;
  /** Below, in small type: the guide's name. */
  siteName: string;
  tagline: string;
}

type Node = { type: string; props: { style?: Record<string, string | number>; children?: Node[] | string } };
const el = (type: string, style: Record<string, string | number>, children?: Node[] | string): Node => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }) },
});

/** The card as satori's element tree: the guide's red mark and name, the kicker, the title, the tagline. */
export function cardTree({ title, kicker, siteName, tagline }: CardText): Node {
  const size = title.length > 60 ? 60 : title.length > 34 ? 72 : 88;
  return el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '72px 80px',
      background: '#151413',
      color: '#ece9e4',
      fontFamily: 'Inter',
    },
    [
      el('div', { display: 'flex', alignItems: 'center', fontSize: 34, fontWeight: 700 }, [
        el('div', { width: 34, height: 34, background: '#e0433a', borderRadius: 4, marginRight: 20 }),
        el('div', {}, siteName),
      ]),
      el('div', { display: 'flex', flexDirection: 'column', width: CARD_WIDTH - 160 }, [
        el('div', { fontSize: 32, color: '#ff8a80', marginBottom: 16 }, kicker),
        el('div', { display: 'flex', fontSize: size, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }, title),
      ]),
      el('div', { display: 'flex', fontSize: 28, color: '#b4aea6', width: CARD_WIDTH - 160 }, tagline),
    ],
  );
}

/** What resvg is asked for; part of the cache key, like everything else that shapes the picture. */
const RESVG_OPTIONS = { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } } as const;

/** Every character a card shows, to choose its fonts from. */
const shownText = ({ title, kicker, siteName, tagline }: CardText) => `${title}${kicker}${siteName}${tagline}`;

/**
 * The card as SVG. Text becomes paths in satori, so the picture depends on no system font; `fallback: false`
 * draws with Inter's latin subset alone, as the guide did before it bundled fallback fonts (for tests).
 */
export async function cardSvg(text: CardText, { fallback = true } = {}): Promise<string> {
  const fonts = fontFilesFor(shownText(text), { fallback }).map((f) => ({
    name: f.name,
    data: fontData(f.file),
    weight: f.weight,
    style: 'normal' as const,
  }));
  // satori types its input as a React element; ours is the same shape, built without React.
  return satori(cardTree(text) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
}

/** Renders a card to PNG. */
export async function renderCard(text: CardText): Promise<Uint8Array> {
  const png = new Resvg(await cardSvg(text), RESVG_OPTIONS).render().asPng();
  return new Uint8Array(png);
}

const require = createRequire(import.meta.url);
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
let renderer: string | undefined;

/**
 * The card cache's key (src/lib/card-cache.ts): a hash of everything that decides the picture — the element
 * tree (the text and the layout, sizes and colours it is set in), the font files the text needs, resvg's
 * options and the versions of satori and resvg. Two cards with the same key are the same PNG.
 */
export function cardKey(text: CardText): string {
  renderer ??= JSON.stringify({
    satori: version('satori'),
    resvg: version('@resvg/resvg-js'),
    resvgOptions: RESVG_OPTIONS,
    size: [CARD_WIDTH, CARD_HEIGHT],
  });
  const hash = crypto
    .createHash('sha256')
    .update(renderer)
    .update(JSON.stringify(cardTree(text)));
  for (const f of fontFilesFor(shownText(text))) hash.update(`\n${f.name} ${f.weight} ${fontDigest(f.file)}`);
  return hash.digest('hex');
}
