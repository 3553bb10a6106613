/**
 * <oc-search> (around the header's search form): "/" (when not typing in a field) or Ctrl+K / ⌘K focuses the
 * search field from anywhere on the page. The form itself is a plain GET form to /search/.
 */
customElements.define(
  'oc-search',
  class extends HTMLElement {
    connectedCallback(): void {
      const input = this.querySelector('input')!;
      input.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');
      if (matchMedia('(pointer: fine)').matches) input.placeholder = 'Search  ( / )';
      document.addEventListener('keydown', (e) => {
        const typing = (e.target as Element).closest('input,textarea,select,[contenteditable]');
        const slash = e.key == '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey;
        if (slash || (e.key == 'k' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          input.focus();
          input.select();
        }
      });
    }
  },
);
