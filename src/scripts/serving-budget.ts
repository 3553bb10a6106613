import { Explorable } from './explorable';
import { PRESETS, run, sanitize } from '../lib/models/serving';
import { budgetGeometry, describeServing, modelSummary, sendChoice } from '../lib/charts/budget';

/** <oc-serving-budget>: the serving-budget explorable (ServingBudget.astro). */
class ServingBudget extends Explorable {
  protected override presets() {
    return PRESETS;
  }

  protected render(values: Record<string, string>): object {
    const asked = sanitize(values);
    // The form never shows a choice the numbers do not use: no sendfile with TLS in userspace.
    const choice = sendChoice(asked);
    const sendfile = this.form.querySelector<HTMLInputElement>('[name=sendMode][value=sendfile]')!;
    sendfile.disabled = !choice.sendfileAllowed;
    this.form.querySelector<HTMLInputElement>(`[name=sendMode][value=${choice.sendMode}]`)!.checked = true;
    const input = { ...asked, sendMode: choice.sendMode };
    const r = run(input);
    const g = budgetGeometry(input, r);
    for (const [key, bar] of [
      ['mem', g.mem],
      ['cpu', g.cpu],
    ] as const) {
      const rect = this.querySelector(`[data-b=${key}]`)!;
      rect.setAttribute('width', String(bar.w));
      rect.setAttribute('class', bar.over ? 'bar s2' : 'bar s1');
      this.set(`[data-p=${key}]`, bar.label);
    }
    this.set('[data-c]', g.memoryStep);
    this.set('[data-m]', g.usableStep);
    this.querySelector('output')!.value = describeServing(input, r);
    this.model = `Model: ${modelSummary(input, r)}.`;
    return input;
  }

  private model = '';

  override update(): void {
    super.update();
    // Beside the model, the published result of the preset the inputs match, if any.
    const pressed = this.form.querySelector<HTMLElement>('button[aria-pressed=true]');
    this.set('[data-compare]', `${pressed ? `${pressed.dataset['published']} ` : ''}${this.model}`);
  }
}

customElements.define('oc-serving-budget', ServingBudget);
