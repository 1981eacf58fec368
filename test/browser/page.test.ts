// The web page in a real browser (Debian's chromium driven by playwright-core): a physician fills
// in an ESI and an MRI, watches the checklist and prediction change, uploads a request, downloads
// the report, and sees an invalid field flagged at its input.
// PRECHECK_SCREENSHOT=1 also writes the README's screenshot (docs/img/web-page.png).
import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from './server-and-browser.js';

const root = join(import.meta.dirname, '../..');
const { newPage, url } = serverAndBrowser();

async function openPage(): Promise<Page> {
  const page = await newPage({ acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url());
  await page.waitForSelector('body[data-ready=true]');
  expect(errors).toEqual([]);
  return page;
}

const at = (path: string) => `[data-path="${path}"]`;
const status = (page: Page, id: string) => page.locator(`prediction-view [data-criterion="${id}"]`).first().getAttribute('data-status');
const verdict = (page: Page) => page.locator('prediction-view .verdict').first().getAttribute('data-prediction');

/** Waits until the live prediction shows `expected` for a criterion. */
async function expectStatus(page: Page, id: string, expected: string): Promise<void> {
  await expect.poll(() => status(page, id), { timeout: 5000 }).toBe(expected);
}

describe('web page', () => {
  it('ESI: shows the criteria, then the prediction and checklist change as findings are added', async () => {
    const page = await openPage();
    await expect(page.locator('#edition-banner').textContent()).resolves.toMatch(/editions in force before 2017-12-01/);
    await page.fill(at('decisionDate'), '2016-06-01');
    await page.selectOption(at('services[0].kind'), 'epidural-steroid-injection');
    await page.selectOption(at('services[0].region'), 'lumbar');
    await page.fill(at('services[0].levels'), 'L4-5');
    await page.selectOption(at('services[0].side'), 'right');
    // the criteria the rules will apply, with text, citation and what to document
    const corroborated = page.locator('criteria-checklist li', { hasText: 'Radiculopathy corroborated' });
    await expect.poll(() => corroborated.count()).toBe(1);
    await expect(corroborated.textContent()).resolves.toMatch(/Epidural steroid injections \(ESIs\), p\. 46.*To document:/s);
    await expect.poll(() => verdict(page)).toBe('upheld');
    await expectStatus(page, 'esi.radiculopathy-on-exam', 'not-documented');

    // exam: a dermatomal sensory deficit on the right → radiculopathy on exam is met
    await page.getByRole('button', { name: 'Add exam' }).click();
    await page.selectOption(at('exam[0].finding'), 'sensory-deficit');
    await page.selectOption(at('exam[0].result'), 'positive');
    await page.fill(at('exam[0].dermatome'), 'L5');
    await page.selectOption(at('exam[0].side'), 'right');
    await expectStatus(page, 'esi.radiculopathy-on-exam', 'met');
    await expectStatus(page, 'esi.radiculopathy-corroborated', 'not-documented');
    expect(await page.locator('prediction-view .to-overturn li', { hasText: 'formal MRI or CT report' }).count()).toBe(1);
    if (process.env.PRECHECK_SCREENSHOT === '1') {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(root, 'docs/img/web-page.png') });
    }

    // the formal MRI report showing root compression at L4-5 → corroborated
    await page.getByRole('button', { name: 'Add study' }).click();
    await page.selectOption(at('studies[0].type'), 'mri');
    await page.selectOption(at('studies[0].region'), 'lumbar');
    await page.selectOption(at('studies[0].officialReport'), 'true');
    await page.locator(at('studies[0].findings')).getByRole('button', { name: 'Add finding' }).click();
    await page.selectOption(at('studies[0].findings[0].kind'), 'nerve-root-compression');
    await page.fill(at('studies[0].findings[0].level'), 'L4-5');
    await page.selectOption(at('studies[0].findings[0].side'), 'right');
    await expectStatus(page, 'esi.radiculopathy-corroborated', 'met');

    // conservative care that failed → every criterion met: overturned, nothing left to document
    for (const [i, kind] of ['physical-therapy', 'nsaid', 'muscle-relaxant', 'home-exercise'].entries()) {
      await page.getByRole('button', { name: 'Add treatment' }).click();
      await page.selectOption(at(`treatments[${i}].kind`), kind);
      await page.selectOption(at(`treatments[${i}].outcome`), 'failed');
    }
    await page.fill(at('treatments[0].sessions'), '12');
    await expect.poll(() => verdict(page), { timeout: 5000 }).toBe('overturned');
    expect(await page.locator('prediction-view .to-overturn').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('MRI of the knee: knee-imaging criteria, and the checklist changes as the record grows', async () => {
    const page = await openPage();
    await page.fill(at('decisionDate'), '2016-06-01');
    await page.selectOption(at('services[0].kind'), 'imaging');
    await page.selectOption(at('services[0].modality'), 'mri');
    await page.selectOption(at('services[0].region'), 'knee');
    await expect.poll(() => page.locator('criteria-checklist .guideline').textContent()).toMatch(/Chapter 13 Knee Complaints/);
    await expect.poll(() => verdict(page)).toBe('upheld');
    const before = await page.locator('prediction-view .criterion[data-status=met]').count();
    await page.getByRole('button', { name: 'Add exam' }).click();
    await page.selectOption(at('exam[0].finding'), 'meniscal-sign');
    await page.selectOption(at('exam[0].result'), 'positive');
    await page.selectOption(at('exam[0].region'), 'knee');
    await page.getByRole('button', { name: 'Add symptom' }).click();
    // the symptom vocabulary is offered as suggestions on the free-text kind
    const list = await page.getAttribute(at('symptoms[0].kind'), 'list');
    expect(await page.locator(`datalist#${list} option[value="knee-pain"]`).count()).toBe(1);
    await page.fill(at('symptoms[0].kind'), 'knee-pain');
    await page.fill(at('symptoms[0].durationMonths'), '3');
    await page.selectOption(at('symptoms[0].region'), 'knee');
    await expect.poll(() => page.locator('prediction-view .criterion[data-status=met]').count(), { timeout: 5000 }).toBeGreaterThan(before);
    await page.close();
  }, 60_000);

  it('uploads a request, then downloads its report as Markdown and the request as YAML', async () => {
    const page = await openPage();
    await page.setInputFiles('#load-file', join(root, 'examples/esi-overturned.yaml'));
    await expect.poll(() => verdict(page)).toBe('overturned');
    expect(await page.inputValue(at('services[0].kind'))).toBe('epidural-steroid-injection');
    expect(await page.inputValue(at('exam[1].dermatome'))).toBe('L5');
    const dir = mkdtempSync(join(tmpdir(), 'precheck-dl-'));
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
    expect(report.suggestedFilename()).toBe('example-esi-overturned-report.md');
    await report.saveAs(join(dir, 'report.md'));
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# IMR pre-check: example-esi-overturned/);
    expect(md).toContain('**overturned**');
    const [yaml] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    await yaml.saveAs(join(dir, 'request.yaml'));
    expect(readFileSync(join(dir, 'request.yaml'), 'utf8')).toMatch(/id: example-esi-overturned[\s\S]*kind: epidural-steroid-injection/);
    await page.close();
  }, 60_000);

  it('is keyboard-usable, and flags an invalid field at its input until it is fixed', async () => {
    const page = await openPage();
    // Tab from the top reaches the skip link; Enter on it moves on to the form's first field
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path)).toBe('id');
    // the list buttons work from the keyboard too
    await page.getByRole('button', { name: 'Add exam' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path)).toBe('exam[0].finding');
    await page.getByRole('button', { name: 'Remove exam 1' }).click();

    await page.selectOption(at('services[0].kind'), 'epidural-steroid-injection');
    await page.fill(at('services[0].levels'), 'L6-7');
    await expect.poll(() => page.getAttribute(at('services[0].levels'), 'aria-invalid')).toBe('true');
    const message = await page.locator(`.field:has(${at('services[0].levels')}) .error`).textContent();
    expect(message).toMatch(/invalid level/);
    expect(await page.locator('#problems').textContent()).toContain('services[0].levels');
    await page.fill(at('services[0].levels'), 'L4-5');
    await expect.poll(() => page.getAttribute(at('services[0].levels'), 'aria-invalid')).toBeNull();
    await page.close();
  }, 60_000);
});
