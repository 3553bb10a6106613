import { readingOrder } from './chapters';
import { cardTexts } from './card-texts';
import type { CardText } from './social-card';

let cache: Promise<Map<string, CardText>> | undefined;

/** Every page's social card, by site path: one module for the card endpoint and for the pages' og:image. */
export function cards(): Promise<Map<string, CardText>> {
  cache ??= readingOrder().then(cardTexts);
  return cache;
}
