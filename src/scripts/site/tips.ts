/**
 * <oc-tips> (around each page's content, Base.astro): what WCAG 1.4.13 asks of tooltips beyond the CSS that
 * shows them on hover and focus (prose.css). Generic over the tooltip contract:
 *
 *   <span class="tip-host [term|cite]"><a href="…" aria-describedby="ID">…</a><span class="tip" role="tooltip" id="ID">…</span></span>
 *
 * - Escape hides every tooltip shown, without moving focus or the pointer ([data-closed] until the host is
 *   entered again by pointer or focus).
 * - A shown tooltip is placed within the viewport, below its link (above if there is no room below), with
 *   position: fixed, so that no scrolling box (a table) cuts it off; again on scroll and resize.
 * - Touch: the first tap on a glossary term (a .tip-host that is also .term) shows its definition
 *   ([data-open]) instead of leaving the page; a second tap follows the link to the glossary, a tap elsewhere
 *   or Escape hides it. Any other host (a citation, .cite) is a plain link on touch too: a tap follows it.
 */
const SHOWN = '.tip-host:hover,.tip-host:focus-within,.tip-host[data-open]';
const MARGIN = 8;

function place(host: Element): void {
  const tip = host.querySelector<HTMLElement>(':scope > .tip');
  const rects = host.firstElementChild?.getClientRects();
  const link = rects?.[rects.length - 1];
  if (!tip || !link) return;
  const style = tip.style;
  style.position = 'fixed';
  style.right = 'auto';
  style.left = style.top = '0';
  style.width = '';
  // The box's own size, not offsetHeight, which rounds it: 60.4 px would be taken for 60 and overflow.
  const { width, height } = tip.getBoundingClientRect();
  // Measured at the left edge; kept at that width, so that moving it cannot wrap it taller than measured.
  style.width = `${width}px`;
  const room = document.documentElement.clientWidth - MARGIN - width;
  style.left = `${Math.max(MARGIN, Math.min(link.left, room))}px`;
  // Below the link if it fits there, else above if it fits there, else on the side with more room.
  const below = link.bottom + height <= innerHeight || (link.top < height && innerHeight - link.bottom >= link.top);
  style.top = `${below ? link.bottom : link.top - height}px`;
}

customElements.define(
  'oc-tips',
  class extends HTMLElement {
    connectedCallback(): void {
      let touch = false;
      const shown = () => this.querySelectorAll(SHOWN);
      const enter = (e: FocusEvent | PointerEvent) => {
        const host = (e.target as Element).closest('.tip-host');
        if (!host) return;
        if (!host.contains(e.relatedTarget as Node | null)) host.removeAttribute('data-closed');
        place(host);
      };
      const replace = () => shown().forEach(place);
      this.addEventListener('pointerover', enter);
      this.addEventListener('focusin', enter);
      this.addEventListener('pointerdown', (e) => (touch = e.pointerType == 'touch'));
      this.addEventListener('click', (e) => {
        const link = (e.target as Element).closest<HTMLElement>('.term > a');
        const host = link?.parentElement;
        const tapped = touch;
        touch = false;
        if (!tapped || !host || host.hasAttribute('data-open')) return;
        e.preventDefault();
        host.setAttribute('data-open', '');
        host.removeAttribute('data-closed');
        link!.focus();
        place(host);
      });
      document.addEventListener('click', (e) => {
        for (const host of this.querySelectorAll('[data-open]'))
          if (!host.contains(e.target as Node)) host.removeAttribute('data-open');
      });
      document.addEventListener('keydown', (e) => {
        if (e.key == 'Escape')
          for (const host of shown()) {
            host.removeAttribute('data-open');
            host.setAttribute('data-closed', '');
          }
      });
      addEventListener('scroll', replace, { passive: true, capture: true });
      addEventListener('resize', replace);
    }
  },
);
