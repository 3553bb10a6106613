/**
 * <oc-toc>: marks the table of contents' link to the section being read (aria-current="true"): the last
 * heading above the top third of the window, or the last one once the page is scrolled to its end. Marking
 * changes colour and border only (chrome.css), so the list never reflows.
 */
customElements.define(
  'oc-toc',
  class extends HTMLElement {
    connectedCallback(): void {
      const links = [...this.querySelectorAll('a')];
      const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
      let queued = false;
      const mark = () => {
        queued = false;
        const root = document.documentElement;
        let current = -1;
        headings.forEach((h, i) => {
          if (h && h.getBoundingClientRect().top < innerHeight / 3) current = i;
        });
        if (scrollY > 0 && scrollY + innerHeight >= root.scrollHeight - 2) current = links.length - 1;
        // Not toggleAttribute: an empty aria-current means "false".
        links.forEach((a, i) =>
          i === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current'),
        );
      };
      addEventListener(
        'scroll',
        () => {
          if (!queued) requestAnimationFrame(mark);
          queued = true;
        },
        { passive: true },
      );
      mark();
    }
  },
);
