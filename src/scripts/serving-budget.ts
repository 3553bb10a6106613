import { Explorable } from './explorable';
import { PRESETS, run, sanitize } from '../lib/models/serving';
import { budgetGeometry, describeServing } from '../lib/charts/budget';

/** <oc-serving-budget>: the serving-budget explorable (ServingBudget.astro). */
class ServingBudget extends Explorable {
  override connectedCallback(): void {
    super.connectedCallback();
    // The preset buttons carry the preset's key as their value.
    this.form.addEventListener('click', (e) => {
      const key = (e.target as Element).closest('button')?.value as keyof typeof PRESETS | undefined;
      if (key && PRESETS[key]) this.fill(PRESETS[key]);
    });
  }

  protected render(values: Record<string, string>): object {
    const input = sanitize(values);
    const r = run(input);
    const g = budgetGeometry(r);
    for (const [key, bar] of [
      ['mem', g.mem],
      ['cpu', g.cpu],
    ] as const) {
      const rect = this.querySelector(`[data-b=${key}]`)!;
      rect.setAttribute('width', String(bar.w));
      rect.setAttribute('class', bar.over ? 'bar s2' : 'bar s1');
      this.set(`[data-p=${key}]`, bar.label);
    }
    this.set('[data-c]', `${g.crossings} per byte`);
    this.querySelector('output')!.value = describeServing(input, r);
    return input;
  }
}

customElements.define('oc-serving-budget', ServingBudget);
