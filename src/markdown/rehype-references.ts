import type { Root, Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';

const URL_IN_TEXT = /(https?:\/\/[^\s<]+[^\s<.,;:)])/;

/**
 * Finishes what rehype-citation makes:
 * - wraps its bibliography in a section with a heading, so it shows in the table of contents;
 * - drops the style's "[Internet]" and "Available from:" and turns each entry's URL into a link;
 * - drops the empty class attribute it leaves on each citation;
 * - points each numbered citation at the entry with that number. (rehype-citation sorts the numbers of a
 *   group like "[@b; @a]" but links them in the order written, so "(1,2)" could link 1 to entry 2.)
 *
 * Takes: `<div id="refs" class="references csl-bib-body"><div class="csl-entry" id="bib-a">…</div></div>`
 * Makes: `<section class="references" aria-labelledby="references"><h2 id="references">References</h2>
 *   <div id="refs" …><div class="csl-entry" id="bib-a">… <a href="https://…">https://…</a></div></div></section>`
 */
export function rehypeReferences() {
  return (tree: Root) => {
    const idByNumber = new Map<string, string>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.properties?.['id'] !== 'refs' || !parent || index === undefined) return;
      for (const entry of node.children) {
        if (entry.type !== 'element' || !String(entry.properties?.['id'] ?? '').startsWith('bib-')) continue;
        const number = toString(entry)
          .trim()
          .match(/^(\d+)\./)?.[1];
        if (number) idByNumber.set(number, String(entry.properties['id']));
        visit(entry, 'text', (text, i, textParent) => {
          // The Vancouver style's "[Internet]" and "Available from:" say what the link already says.
          text.value = text.value.replace(/ \[Internet\]/g, '').replace(/Available from: /g, '');
          const parts = text.value.split(URL_IN_TEXT);
          if (parts.length === 1 || !textParent || i === undefined) return;
          const replaced: ElementContent[] = parts.map((part, n) =>
            n % 2 === 1
              ? { type: 'element', tagName: 'a', properties: { href: part }, children: [{ type: 'text', value: part }] }
              : { type: 'text', value: part },
          );
          textParent.children.splice(i, 1, ...replaced);
          return i + replaced.length;
        });
      }
      parent.children[index] = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['references'], ariaLabelledBy: ['references'] },
        children: [
          {
            type: 'element',
            tagName: 'h2',
            properties: { id: 'references' },
            children: [{ type: 'text', value: 'References' }],
          },
          node,
        ],
      };
      return 'skip';
    });
    visit(tree, 'element', (node: Element) => {
      const className = node.properties?.['className'];
      if (Array.isArray(className) && className.length === 0) delete node.properties['className'];
      if (node.tagName !== 'a' || !String(node.properties?.['href'] ?? '').startsWith('#bib-')) return;
      const id = idByNumber.get(toString(node).trim());
      if (id) node.properties['href'] = `#${id}`;
    });
  };
}
