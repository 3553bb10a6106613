import type { APIRoute, GetStaticPaths } from 'astro';
import { cards } from '../../lib/cards';
import { cardPng, prepareCards } from '../../lib/card-cache';
import { cardKey, cardPath, type CardText } from '../../lib/social-card';

/**
 * One social card per page, as /og/<page>.png (see cardPath). The cards that are not in the card cache start
 * drawing on worker threads here, before any page renders (src/lib/card-cache.ts); in `astro dev`, where
 * this runs per request, a card is drawn when it is asked for. Each card's cacheKey is its content hash, so
 * an incremental build copies an unchanged card from the last build.
 */
export const getStaticPaths = (async () => {
  const all = [...(await cards())];
  if (import.meta.env.PROD) prepareCards(all.map(([, card]) => card));
  return all.map(([path, card]) => ({
    params: { slug: cardPath(path).slice('/og/'.length, -'.png'.length) },
    props: { card },
    cacheKey: cardKey(card),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardText }> = async ({ props }) =>
  new Response((await cardPng(props.card)) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
