import { createHash } from 'node:crypto';
import type { HastPluginEntry } from 'satteri';

/** An anchor id from a paragraph's own words, so a link keeps working when paragraphs are added above it. */
export function paragraphId(text: string, taken: Set<string>): string {
  const base = `p-${createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 7)}`;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/**
 * Gives every paragraph and list item (one not made of paragraphs) an id and a link to itself, so a journalist can
 * cite one paragraph.
 * A factory, so each document gets its own set of ids.
 */
export const paragraphAnchors: HastPluginEntry = () => {
  const taken = new Set<string>();
  return {
    name: 'chamber-paragraph-anchors',
    element: {
      filter: ['p', 'li'],
      visit(node, ctx) {
        if (node.properties?.['id']) return;
        // A loose list's item holds paragraphs, and each of them gets the link: not a second one for the item.
        if (node.tagName === 'li' && node.children.some((child) => child.type === 'element' && child.tagName === 'p')) return;
        const text = ctx.textContent(node);
        if (!/[\p{L}\p{N}]/u.test(text)) return;
        const id = paragraphId(text, taken);
        ctx.setProperty(node, 'id', id);
        ctx.appendChild(node, {
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['anchor'], dataPagefindIgnore: '' },
          // The same markup as the Permalink component: words that say what it is, shown beside an icon on focus.
          children: [{ type: 'element', tagName: 'span', properties: { className: ['anchor-label'] }, children: [{ type: 'text', value: 'Link to this paragraph' }] }],
        });
      },
    },
  };
};
