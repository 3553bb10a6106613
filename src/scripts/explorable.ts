import { valueText } from '../lib/models/controls';

/**
 * What the explorables' custom elements share. The page is complete without JavaScript: the figure, its
 * result and its (hidden) form are rendered at build time from the model (src/components/figures/
 * ExplorableControls.astro). The element only binds to that form: it shows it, re-runs the model on every
 * `input` event and updates the SVG, the <output> and each slider's shown value. Preset buttons
 * (`<button type=button value=KEY aria-pressed>`) fill the form with `presets()[KEY]` and stay pressed while
 * the inputs are exactly that preset's; a control with `data-needs=NAME` is disabled while checkbox NAME is off.
 */
export abstract class Explorable extends HTMLElement {
  protected form!: HTMLFormElement;

  /** Re-runs the model on the form's values, redraws, and returns the inputs the model used (clamped). */
  protected abstract render(values: Record<string, string>): object;

  /** The presets, by the value of their buttons. */
  protected presets(): Readonly<Record<string, object>> {
    return {};
  }

  /** Whether the inputs the model used are exactly a preset's. */
  protected isPreset(used: object, preset: object): boolean {
    return Object.entries(preset).every(([k, v]) => (used as Record<string, unknown>)[k] === v);
  }

  connectedCallback(): void {
    this.form = this.querySelector('form')!;
    this.form.addEventListener('input', () => this.update());
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.form.addEventListener('click', (e) => {
      const key = (e.target as Element).closest('button')?.value;
      const preset = key ? this.presets()[key] : undefined;
      if (preset) this.fill(preset);
    });
    this.form.hidden = false;
    // The browser may have restored values a reader left before a reload: draw what the form shows.
    this.update();
  }

  /** The form's values by name, disabled controls included (their value stays what the reader left). */
  private values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.form.querySelectorAll<HTMLInputElement>('input[name]')) {
      if (c.type === 'checkbox') out[c.name] = c.checked ? 'on' : 'off';
      else if (c.type !== 'radio' || c.checked) out[c.name] = c.value;
    }
    return out;
  }

  update(): void {
    for (const c of this.form.querySelectorAll<HTMLInputElement>('[data-needs]'))
      c.disabled = !(this.form.elements.namedItem(c.dataset['needs']!) as HTMLInputElement).checked;
    const used = this.render(this.values()) as Record<string, unknown>;
    for (const slider of this.form.querySelectorAll<HTMLInputElement>('[data-u]')) {
      const text = valueText(used[slider.name] as number, slider.dataset['u']!);
      slider.setAttribute('aria-valuetext', text);
      slider.labels![0]!.lastElementChild!.textContent = text;
    }
    const presets = this.presets();
    for (const b of this.form.querySelectorAll('button[aria-pressed]'))
      b.setAttribute('aria-pressed', String(this.isPreset(used, presets[(b as HTMLButtonElement).value] ?? {})));
  }

  /** Puts values into the form (a preset), then re-renders. */
  protected fill(values: object): void {
    for (const [name, value] of Object.entries(values)) {
      const c = this.form.elements.namedItem(name);
      if (c instanceof HTMLInputElement && c.type === 'checkbox') c.checked = value === true;
      else if (c instanceof RadioNodeList || c instanceof HTMLInputElement) c.value = String(value);
    }
    this.update();
  }

  protected set(selector: string, text: string): void {
    for (const e of this.querySelectorAll(selector)) e.textContent = text;
  }
}
