import type { ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/**
 * Links every heading that has an id to itself, wrapping its content (as rehype-autolink-headings does with
 * `behavior: 'wrap'`), so that a reader can copy a link to any section: `<h2 id="why"><a class="heading-link"
 * href="#why">Why</a></h2>`. A Sätteri hast plugin: only headings cross from the compiler to JavaScript.
 */
export const headingLinks: HastPluginDefinition = {
  name: 'guide:heading-links',
  element: {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    visit(node, ctx) {
      const id = node.properties?.['id'];
      if (typeof id !== 'string' || id === '') return;
      ctx.replaceNode(node, {
        type: 'element',
        tagName: node.tagName,
        properties: { ...node.properties },
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-link'], href: `#${id}` },
            children: node.children as ElementContent[],
          },
        ],
      });
    },
  },
};
