import fs from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';

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

// Inter ships .woff beside .woff2 in @fontsource; satori reads .woff, .ttf and .otf only.
const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Inter',
    data: fs.readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
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

/** Renders a card to PNG. Text becomes paths in satori, so the picture depends on no system font. */
export async function renderCard(text: CardText): Promise<Uint8Array> {
  // satori types its input as a React element; ours is the same shape, built without React.
  const svg = await satori(cardTree(text) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  return new Uint8Array(png);
}
