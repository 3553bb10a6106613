import { describe, expect, it } from 'vitest';
import { cardTree, type CardText } from '../../../src/lib/social-card';

const text = (title: string): CardText => ({
  title,
  kicker: 'Chapter 3',
  siteName: 'Open Connect & FreeBSD',
  tagline: 'After the FOSDEM 2019 talk',
});

type Node = ReturnType<typeof cardTree>;
const texts = (node: Node): string[] =>
  typeof node.props.children === 'string'
    ? [node.props.children]
    : (node.props.children ?? []).flatMap((child) => texts(child));
const find = (node: Node, value: string): Node | undefined =>
  node.props.children === value
    ? node
    : Array.isArray(node.props.children)
      ? node.props.children.map((c) => find(c, value)).find(Boolean)
      : undefined;

describe('the social card’s layout', () => {
  it('shows the site’s name, then the kicker over the title, then the tagline, on a card of the card’s size', () => {
    const tree = cardTree(text('Kernel TLS'));
    expect(texts(tree)).toEqual(['Open Connect & FreeBSD', 'Chapter 3', 'Kernel TLS', 'After the FOSDEM 2019 talk']);
    expect(tree.props.style).toMatchObject({ width: 1200, height: 630, display: 'flex' });
  });

  it('sets a longer title in smaller type, so that it fits', () => {
    const size = (length: number) =>
      find(cardTree(text('x'.repeat(length))), 'x'.repeat(length))?.props.style?.['fontSize'];
    expect([size(10), size(34), size(35), size(60), size(61), size(90)]).toEqual([88, 88, 72, 72, 60, 60]);
  });
});
