/**
 * <oc-bar>: the navigation bar of a narrow screen (Base.astro), holding the chapter list and the table of
 * contents, each behind a <details> toggle. With it, the bar sticks to the top and an open list floats over
 * the page (chrome.css, `oc-bar:defined`), so it must close again by itself: when one of its links is
 * followed, on Escape (focus returns to its toggle), and when focus or a click goes outside its <nav>.
 */
customElements.define(
  'oc-bar',
  class extends HTMLElement {
    connectedCallback(): void {
      const close = (keep: Node | null, refocus = false) => {
        for (const toggle of this.querySelectorAll('details[open]')) {
          if (toggle.parentElement!.contains(keep)) continue;
          toggle.removeAttribute('open');
          if (refocus) toggle.querySelector('summary')!.focus();
        }
      };
      this.addEventListener('click', (e) => (e.target as Element).closest('a') && close(null));
      this.addEventListener('keydown', (e) => e.key === 'Escape' && close(null, true));
      this.addEventListener('focusout', (e) => e.relatedTarget && close(e.relatedTarget as Node));
      document.addEventListener('click', (e) => close(e.target as Node));
    }
  },
);
