/**
 * <oc-code> (around each page's content, Base.astro): a "Copy" button on every code block. The block is
 * wrapped in a <div class="code"> that does not change its layout, and the button sits in the band that the
 * frame already draws at the top of the block (prose.css), so nothing moves. Without JavaScript, or without
 * the Clipboard API (a page not served over HTTPS), the code is there to select as usual.
 */
customElements.define(
  'oc-code',
  class extends HTMLElement {
    connectedCallback(): void {
      if (!navigator.clipboard) return;
      for (const pre of this.querySelectorAll('pre')) {
        const frame = document.createElement('div');
        const button = document.createElement('button');
        frame.className = 'code';
        // The frame is a live region, so that "Copied" is announced; nothing else in it changes.
        frame.setAttribute('aria-live', 'polite');
        button.type = 'button';
        button.textContent = 'Copy';
        button.addEventListener('click', () =>
          navigator.clipboard.writeText((pre.querySelector('code') ?? pre).textContent!).then(() => {
            button.textContent = 'Copied';
            setTimeout(() => (button.textContent = 'Copy'), 2000);
          }),
        );
        pre.replaceWith(frame);
        frame.append(pre, button);
      }
    }
  },
);
