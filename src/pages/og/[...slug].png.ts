import type { APIRoute, GetStaticPaths } from 'astro';
import { cards } from '../../lib/cards';
import { cardPath, renderCard, type CardText } from '../../lib/social-card';

/** One social card per page, as /og/<page>.png (see cardPath), drawn at build time. */
export const getStaticPaths = (async () =>
  [...(await cards())].map(([path, card]) => ({
    params: { slug: cardPath(path).slice('/og/'.length, -'.png'.length) },
    props: { card },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardText }> = async ({ props }) =>
  new Response((await renderCard(props.card)) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
