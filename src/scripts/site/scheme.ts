import { SCHEME_KEY } from '../../lib/site';

/**
 * <oc-scheme> (in the header): the colour-scheme control, System, Light or Dark. The choice is kept in
 * localStorage and applied as <html data-scheme> (global.css reads it); before the first paint of every page
 * the inline script of Head.astro (SCHEME_SCRIPT) applies it, so no page flashes the wrong scheme. Without
 * JavaScript the control is not shown and the site follows the system.
 */
function apply(value: string | null): void {
  const root = document.documentElement;
  if (value) root.dataset['scheme'] = value;
  else delete root.dataset['scheme'];
}

customElements.define(
  'oc-scheme',
  class extends HTMLElement {
    connectedCallback(): void {
      const select = this.querySelector('select')!;
      const stored = () => {
        try {
          return localStorage.getItem(SCHEME_KEY);
        } catch {
          return null;
        }
      };
      const show = () => (select.value = document.documentElement.dataset['scheme'] ?? '');
      show();
      select.addEventListener('change', () => {
        apply(select.value);
        try {
          if (select.value) localStorage.setItem(SCHEME_KEY, select.value);
          else localStorage.removeItem(SCHEME_KEY);
        } catch {
          // Storage is off: the choice holds for this page only.
        }
      });
      // A page restored from the back-forward cache ran no script: take a choice made on another page since.
      addEventListener('pageshow', (e) => {
        if (e.persisted) {
          const value = stored();
          apply(value == 'dark' || value == 'light' ? value : null);
          show();
        }
      });
    }
  },
);
