import type { BooleanRange, EnumRange, NumberRange } from '../lib/models/controls';
import { fmt } from '../lib/charts/svg';

/**
 * What the two explorables' custom elements share. The page is complete without JavaScript: the figure and
 * its result are drawn at build time, and there are no controls that could look usable but do nothing.
 * The element builds native, labelled controls from the model's RANGES (one description for the model and
 * the form), re-runs the model on every `input` event and updates the SVG and the <output>.
 */

export type Range = NumberRange | EnumRange<string> | BooleanRange;
export interface Group {
  legend: string;
  fields: [name: string, range: Range][];
}

let uid = 0;

export abstract class Explorable extends HTMLElement {
  protected form!: HTMLFormElement;

  /** The controls, in groups; and their starting values. */
  protected abstract groups(): Group[];
  protected abstract start(): object;
  abstract update(): void;

  connectedCallback(): void {
    this.form = this.querySelector('form')!;
    const values = this.start() as Record<string, unknown>;
    for (const group of this.groups()) {
      const set = el('fieldset');
      set.append(el('legend', group.legend));
      for (const [name, range] of group.fields) set.append(control(name, range, values[name]));
      this.form.append(set);
    }
    this.form.addEventListener('input', () => this.update());
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.form.hidden = false;
    this.update();
  }

  /** Form values by name; an unchecked box is absent and falls back to the model's default. */
  protected values(): Record<string, string> {
    return Object.fromEntries([...new FormData(this.form)].map(([k, v]) => [k, String(v)]));
  }

  /** Puts values into the form (a preset), then re-renders. */
  protected fill(values: object): void {
    for (const [name, value] of Object.entries(values)) {
      const c = this.form.elements.namedItem(name);
      if (c instanceof RadioNodeList || c instanceof HTMLInputElement) c.value = String(value);
    }
    this.update();
  }

  /** Shows a slider's value beside its label and gives it to screen readers with its unit. */
  protected show(name: string, value: number): void {
    const input = this.form.elements.namedItem(name) as HTMLInputElement | null;
    if (!input) return;
    const text = `${fmt(value, 1)} ${input.dataset['unit'] ?? ''}`.trim();
    input.setAttribute('aria-valuetext', text);
    input.previousElementSibling!.textContent = text;
  }

  protected set(selector: string, text: string): void {
    for (const e of this.querySelectorAll(selector)) e.textContent = text;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function control(name: string, range: Range, value: unknown): Node {
  if (range.kind === 'enum') {
    // The group's <legend> names the choice; each option is a labelled radio button.
    const options = document.createDocumentFragment();
    for (const o of range.options) options.append(labelled(o.label, input(name, 'radio', o.value, o.value === value)));
    return options as unknown as HTMLElement;
  }
  if (range.kind === 'boolean') return labelled(range.label, input(name, 'checkbox', 'on', value === true));
  // min, max and step before the value, or the browser clamps the value to the default 0–100 in steps of 1.
  const slider = input(name, 'range', '');
  Object.assign(slider, { min: range.min, max: range.max, step: range.step, value: String(value) });
  slider.dataset['unit'] = range.unit;
  const label = labelled(`${range.label}: `, slider, true);
  slider.before(el('span'));
  return label;
}

function input(name: string, type: string, value: string, checked = false): HTMLInputElement {
  const i = el('input');
  Object.assign(i, { name, type, value, checked, id: `oc-${++uid}` });
  return i;
}

function labelled(text: string, control: HTMLInputElement, before = false): HTMLLabelElement {
  const label = el('label');
  label.htmlFor = control.id;
  if (before) label.append(text, control);
  else label.append(control, ` ${text}`);
  return label;
}
