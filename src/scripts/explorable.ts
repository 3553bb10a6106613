import { valueText } from '../lib/models/controls';

/**
 * What the two explorables' custom elements share. The page is complete without JavaScript: the figure, its
 * result and its (hidden) form are rendered at build time from the model (src/components/figures/
 * ExplorableControls.astro). The element only binds to that form: it shows it, re-runs the model on every
 * `input` event and updates the SVG, the <output> and each slider's shown value.
 */
export abstract class Explorable extends HTMLElement {
  protected form!: HTMLFormElement;

  /** Re-runs the model on the form's values, redraws, and returns the inputs the model used (clamped). */
  protected abstract render(values: Record<string, string>): object;

  connectedCallback(): void {
    this.form = this.querySelector('form')!;
    this.form.addEventListener('input', () => this.update());
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.form.hidden = false;
    // The browser may have restored values a reader left before a reload: draw what the form shows.
    this.update();
  }

  update(): void {
    // An unchecked box is absent and falls back to the model's default.
    const used = this.render(Object.fromEntries([...new FormData(this.form)].map(([k, v]) => [k, String(v)])));
    for (const slider of this.form.querySelectorAll<HTMLInputElement>('[data-u]')) {
      const text = valueText((used as Record<string, number>)[slider.name]!, slider.dataset['u']!);
      slider.setAttribute('aria-valuetext', text);
      slider.labels![0]!.lastElementChild!.textContent = text;
    }
  }

  /** Puts values into the form (a preset), then re-renders. */
  protected fill(values: object): void {
    for (const [name, value] of Object.entries(values)) {
      const c = this.form.elements.namedItem(name);
      if (c instanceof RadioNodeList || c instanceof HTMLInputElement) c.value = String(value);
    }
    this.update();
  }

  protected set(selector: string, text: string): void {
    for (const e of this.querySelectorAll(selector)) e.textContent = text;
  }
}
