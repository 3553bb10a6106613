import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

/** Sets a control's value as a user would leave it, and fires the `input` event the element listens to. */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/**
 * The form of an explorable as the build rendered it, read with JavaScript off: each slider with the text of the
 * <label for> that names it, each radio button and checkbox with its label, and the preset buttons.
 */
function controlsOf(page: Page, fig: string) {
  return page.locator(`${fig} form`).evaluate((form: HTMLFormElement) => {
    const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      hidden: form.hidden,
      legends: [...form.querySelectorAll('legend')].map(text),
      sliders: [...form.querySelectorAll<HTMLInputElement>('input[type=range]')].map((i) => ({
        name: i.name,
        label: text(document.querySelector(`label[for="${i.id}"]`)),
        value: i.value,
      })),
      choices: [...form.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')].map(
        (i) => `${i.name}=${i.value}: ${text(i.labels?.[0])}${i.checked ? ' (checked)' : ''}`,
      ),
      buttons: [...form.querySelectorAll('button')].map(text),
      duplicateIds: ids.filter((id, n) => ids.indexOf(id) !== n),
    };
  });
}

describe.runIf(browserTestsEnabled('explorables'))('the two explorable figures in Chromium', () => {
  const site = useSiteInBrowser();
  const errors: string[] = [];

  async function open(
    path: string,
    options: { javaScriptEnabled?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {},
  ): Promise<Page> {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    await page.goto(`${site.url}${path}`);
    return page;
  }

  describe('serving budget (/workload/)', () => {
    const fig = '#serving-budget';
    const output = `${fig} output`;
    const memBar = `${fig} [data-b=mem]`;

    it('is complete without JavaScript: figure and result drawn, no controls that do nothing', async () => {
      const page = await open('workload/', { javaScriptEnabled: false });
      expect(await page.locator(`${fig} svg[role=img]`).count()).toBe(1);
      expect(await page.locator(output).textContent()).toContain('At 90 Gb/s each byte crosses memory 4 times');
      expect(await page.locator(`${fig} form`).isVisible()).toBe(false);
      expect(await page.locator(`${fig} input`).first().isVisible()).toBe(false);
      await page.context().close();
    });

    it('has its controls in the HTML from the build, hidden until the script binds to them', async () => {
      const page = await open('workload/', { javaScriptEnabled: false });
      const form = await controlsOf(page, fig);
      expect(form.hidden).toBe(true);
      expect(form.legends).toEqual(['Server', 'How data is sent', 'Encryption', 'Start from a published result']);
      expect(form.sliders).toEqual([
        { name: 'targetGbps', label: 'Target throughput: 90 Gb/s', value: '90' },
        { name: 'cores', label: 'CPU cores: 16 cores', value: '16' },
        { name: 'clockGHz', label: 'Clock speed: 2.6 GHz', value: '2.6' },
        { name: 'memBandwidthGBps', label: 'Memory bandwidth (nominal): 128 GB/s', value: '128' },
      ]);
      expect(form.choices).toEqual([
        'sendMode=readwrite: read() + write() through userspace',
        'sendMode=sendfile: sendfile() from the page cache (checked)',
        'tlsMode=none: No TLS',
        'tlsMode=userspace: TLS in userspace (e.g. OpenSSL)',
        'tlsMode=ktls-software: Kernel TLS, CPU encrypts (checked)',
        'tlsMode=ktls-nic: Kernel TLS, NIC encrypts (offload)',
      ]);
      expect(form.buttons).toEqual([
        'FOSDEM 2019 flash appliance',
        '2021 EPYC, software kTLS',
        '2021 EPYC, NIC kTLS offload',
      ]);
      expect(form.duplicateIds).toEqual([]);
      await page.context().close();
    });

    it('re-runs the model when an input changes, and updates the figure and the announced result', async () => {
      const page = await open('workload/');
      await page.locator(`${fig} form:not([hidden])`).waitFor();
      expect(await page.locator(`${fig} form`).isVisible()).toBe(true);
      expect(await page.locator(output).getAttribute('aria-live')).toBe('polite');
      const before = {
        text: await page.locator(output).textContent(),
        width: await page.locator(memBar).getAttribute('width'),
      };

      await setValue(page, `${fig} input[name=targetGbps]`, '250');
      const after = await page.locator(output).textContent();
      expect(after).not.toBe(before.text);
      expect(after).toContain('At 250 Gb/s');
      expect(after).toContain('Too much: CPU limits this server to about 166 Gb/s.');
      expect(Number(await page.locator(memBar).getAttribute('width'))).toBeGreaterThan(Number(before.width));
      expect(await page.locator(`${fig} [data-b=cpu]`).getAttribute('class')).toBe('bar s2');
      expect(await page.locator(`${fig} label`, { hasText: 'Target throughput' }).textContent()).toContain('250 Gb/s');

      // A radio group by its label: NIC offload takes two crossings off every byte.
      await page.getByLabel('Kernel TLS, NIC encrypts (offload)').check();
      expect(await page.locator(`${fig} [data-c]`).textContent()).toBe('2 per byte');
      expect(await page.locator(output).textContent()).toContain('crosses memory 2 times');

      // A published starting point.
      await page.getByRole('button', { name: '2021 EPYC, software kTLS' }).click();
      expect(await page.locator(output).textContent()).toContain(
        'memory bandwidth limits this server to about 255 Gb/s',
      );
      await page.context().close();
    });

    it('works by keyboard', async () => {
      const page = await open('workload/');
      const slider = page.locator(`${fig} input[name=targetGbps]`);
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.locator(output).textContent()).toContain('At 91 Gb/s');
      expect(await slider.getAttribute('aria-valuetext')).toBe('91 Gb/s');
      await page.context().close();
    });

    it('animates bars only when motion is welcome', async () => {
      const reduced = await open('workload/', { reducedMotion: 'reduce' });
      expect(await reduced.locator(memBar).evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
      await reduced.context().close();
      const moving = await open('workload/', { reducedMotion: 'no-preference' });
      expect(await moving.locator(memBar).evaluate((el) => getComputedStyle(el).transitionDuration)).not.toBe('0s');
      await moving.context().close();
    });
  });

  describe('merge cycles (/upstreaming/)', () => {
    const fig = '#merge-cycles';
    const output = `${fig} output`;

    it('is complete without JavaScript', async () => {
      const page = await open('upstreaming/', { javaScriptEnabled: false });
      expect(await page.locator(output).textContent()).toContain('Virtuous cycle');
      expect(await page.locator(`${fig} [data-d=done]`).getAttribute('d')).toMatch(/^M/);
      expect(await page.locator(`${fig} form`).isVisible()).toBe(false);
      await page.context().close();
    });

    it('has its controls in the HTML from the build, hidden until the script binds to them', async () => {
      const page = await open('upstreaming/', { javaScriptEnabled: false });
      const form = await controlsOf(page, fig);
      expect(form.hidden).toBe(true);
      expect(form.legends).toEqual(['How a team merges', 'Putting merges off']);
      expect(form.sliders).toEqual([
        { name: 'mergeIntervalWeeks', label: 'Merge from upstream every: 4 weeks', value: '4' },
        { name: 'upstreamChangeRate', label: 'Upstream changes: 50 per week', value: '50' },
        { name: 'localChangeRate', label: 'Local changes: 5 per week', value: '5' },
        { name: 'deferThreshold', label: 'Put off a merge if it costs more than: 15 effort units', value: '15' },
      ]);
      expect(form.choices).toEqual(['deferral=on: Put off merges that look expensive']);
      expect(form.duplicateIds).toEqual([]);
      await page.context().close();
    });

    it('redraws the merges when the interval changes, and shows the vicious cycle when merges are put off', async () => {
      const page = await open('upstreaming/');
      await page.locator(`${fig} form:not([hidden])`).waitFor();
      const done = page.locator(`${fig} [data-d=done]`);
      const before = { d: await done.getAttribute('d'), text: await page.locator(output).textContent() };

      await setValue(page, `${fig} input[name=mergeIntervalWeeks]`, '13');
      expect(await done.getAttribute('d')).not.toBe(before.d);
      expect(await page.locator(output).textContent()).toContain('Merging every 13 weeks');
      expect(await page.locator(`${fig} [data-y="2"]`).textContent()).not.toBe('20');

      await setValue(page, `${fig} input[name=mergeIntervalWeeks]`, '4');
      await page.getByLabel('Put off merges that look expensive').check();
      expect(await page.locator(`${fig} [data-d=deferred]`).getAttribute('d')).toMatch(/^M/);
      expect(await page.locator(output).textContent()).toContain('Vicious cycle');
      await page.context().close();
    });

    it('works by keyboard', async () => {
      const page = await open('upstreaming/');
      const slider = page.locator(`${fig} input[name=mergeIntervalWeeks]`);
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.locator(output).textContent()).toContain('Merging every 5 weeks');
      await page.context().close();
    });
  });

  it('leaves both figures static on the one-page edition: no form, no script', async () => {
    const page = await open('all/', { javaScriptEnabled: false });
    // There each figure's id is prefixed with its chapter's.
    const figures = page.locator('figure[id$="-serving-budget"], figure[id$="-merge-cycles"]');
    expect(await figures.locator('svg[role=img]').count()).toBe(2);
    expect(await figures.locator('form, input').count()).toBe(0);
    expect(await page.locator('script[src]').count()).toBe(0);
    await page.context().close();
  });

  it('logs no errors (no CSP violation, no script error) on either page', () => {
    expect(errors).toEqual([]);
  });
});
