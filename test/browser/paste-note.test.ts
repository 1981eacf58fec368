// "Paste a note" in a real browser (Debian's chromium driven by playwright-core): a physician
// pastes the progress note shipped in examples/, the page prefills the form with every drafted
// field highlighted beside its source words, nothing is checked while they review, they correct
// one field, press "Check the reviewed request", and see the result of the corrected request.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from './server-and-browser.js';

const root = join(import.meta.dirname, '../..');
const NOTE = readFileSync(join(root, 'examples/progress-note-lumbar-esi.txt'), 'utf8');
const { newPage, url } = serverAndBrowser();

/** The page, and every request body it has sent to /v1/check so far. */
async function openPage(): Promise<{ page: Page; checks: string[] }> {
  const page = await newPage();
  const errors: string[] = [];
  const checks: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/v1/check') checks.push(r.postData() ?? '');
  });
  await page.goto(url());
  await page.waitForSelector('body[data-ready=true]');
  expect(errors).toEqual([]);
  return { page, checks };
}

const at = (path: string) => `[data-path="${path}"]`;
const activePath = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path);
const pendingCount = async (page: Page) => Number(/^(\d+) of/.exec((await page.textContent('#review-count')) ?? '')?.[1]);

describe('paste a note', () => {
  it("drafts the shipped note into the form, shows each field's source words, checks only after review", async () => {
    const { page, checks } = await openPage();
    await page.fill('#note-text', NOTE);
    await page.focus('#draft-note');
    await page.keyboard.press('Enter'); // the draft button works from the keyboard

    // prefilled, highlighted, marked "to review", focus on the first prefilled field, status announced
    await page.waitForSelector(`${at('services[0].kind')}[data-draft=pending]`);
    expect(await page.inputValue(at('services[0].kind'))).toBe('epidural-steroid-injection');
    expect(await page.inputValue(at('services[0].levels'))).toBe('L4-5');
    expect(await activePath(page)).toBe('services[0].kind');
    const status = await page.textContent('[role=status]#draft-status');
    expect(status).toMatch(/^Drafted \d+ fields from the note/);
    expect(status).toMatch(/drafted facts need confirming.*Nothing has been checked/);
    expect(await page.locator('#review').isVisible()).toBe(true);
    expect(await page.textContent('#review-warning')).toMatch(/Drafted facts need confirming/);

    // the sensory finding: its fields are highlighted, and the item shows the words it came from
    const findings = await page.$$eval('[data-path$=".finding"]', (els) =>
      els.map((e) => [(e as HTMLElement).dataset.path, (e as HTMLSelectElement).value]),
    );
    const sensory = findings.find(([, v]) => v === 'sensory-deficit')![0]!.replace(/\.finding$/, '');
    expect(await page.inputValue(at(`${sensory}.dermatome`))).toBe('L5');
    expect(await page.getAttribute(at(`${sensory}.dermatome`), 'data-draft')).toBe('pending');
    expect(await page.locator(`.field:has(${at(`${sensory}.dermatome`)}) .badge`).textContent()).toBe('drafted · to review');
    const words = page.locator(`.item${at(sensory)} > .source`);
    await expect(words.textContent()).resolves.toMatch(/From the note: .*“Sensation” \(line 16, col 59\).*“L5”/);
    // … and that text is the field's accessible description
    const describedBy = (await page.getAttribute(at(`${sensory}.dermatome`), 'aria-describedby'))!.split(' ');
    expect(describedBy).toContain(await words.getAttribute('id'));
    // focusing it marks its words in the note beside the form
    await page.focus(at(`${sensory}.dermatome`));
    expect(await page.$$eval('#review-source mark.current', (ms) => ms.map((m) => m.textContent))).toEqual(
      expect.arrayContaining(['Sensation', 'L5']),
    );
    if (process.env.PRECHECK_SCREENSHOT === '1') await page.screenshot({ path: join(root, 'docs/img/paste-a-note.png') });

    // an item the physician adds is theirs, not drafted; the drafted items keep their marks
    const treatments = await page.locator('[data-path^="treatments["][data-path$="].kind"]').count();
    await page.getByRole('button', { name: 'Add treatment' }).click();
    expect(await page.getAttribute(at(`treatments[${treatments}].kind`), 'data-draft')).toBeNull();
    expect(await page.getAttribute(at('treatments[0].kind'), 'data-draft')).toBe('pending');
    await expect(page.locator(`.item${at('treatments[0]')} > .source`).textContent()).resolves.toMatch(/“physical therapy”/);
    await page.getByRole('button', { name: `Remove treatment ${treatments + 1}` }).click();

    // a sentence the draft placed nowhere stays visible, and is sent as documentation.notes
    expect(await page.textContent('#unplaced-notes')).toContain('He denies bowel or bladder dysfunction.');
    expect(await page.inputValue(at('documentation.notes'))).toContain('He denies bowel or bladder dysfunction.');

    // looking at a field (focus, then leave) marks it reviewed; the count goes down
    await page.focus(at('services[0].levels'));
    expect(await page.getAttribute(at(`${sensory}.dermatome`), 'data-draft')).toBe('seen'); // left, so looked at
    const before = await pendingCount(page);
    await page.keyboard.press('Tab');
    expect(await page.getAttribute(at('services[0].levels'), 'data-draft')).toBe('seen');
    expect(await pendingCount(page)).toBe(before - 1);

    // the physician corrects one drafted fact: the radiology report is not in fact in the record
    expect(await page.inputValue(at('studies[0].officialReport'))).toBe('true');
    await page.selectOption(at('studies[0].officialReport'), 'false');
    expect(await page.getAttribute(at('studies[0].officialReport'), 'data-draft')).toBe('edited');
    expect(await page.locator(`.field:has(${at('studies[0].officialReport')}) .badge`).textContent()).toBe('drafted · edited by you');
    await page.waitForTimeout(600); // longer than the form's debounce: still nothing sent
    expect(checks).toEqual([]);
    expect(await page.textContent('prediction-view')).toMatch(/Not checked yet/);

    // the first press, with fields still to review, shows the first of them instead of checking
    await page.click('#check-reviewed');
    expect(await page.textContent('#draft-status')).toMatch(/drafted fields are not yet reviewed; the first is selected/);
    expect(
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('[data-draft]')?.getAttribute('data-draft')),
    ).toBe('pending');
    await page.waitForTimeout(400);
    expect(checks).toEqual([]);

    // the second press checks the request as reviewed, with the correction
    await page.click('#check-reviewed');
    await expect.poll(() => page.locator('prediction-view .verdict').count(), { timeout: 5000 }).toBe(2);
    expect(checks).toHaveLength(1);
    const sent = JSON.parse(checks[0]!);
    expect(sent.studies[0].officialReport).toBe(false);
    expect(sent.documentation.notes).toContain('He denies bowel or bladder dysfunction.');
    expect(await page.locator('prediction-view .verdict').first().getAttribute('data-prediction')).toBe('upheld');
    expect(
      await page.locator('prediction-view [data-criterion="esi.radiculopathy-corroborated"]').first().getAttribute('data-status'),
    ).not.toBe('met');
    expect(await page.locator('prediction-view [data-criterion="esi.radiculopathy-on-exam"]').first().getAttribute('data-status')).toBe(
      'met',
    );
    await expect
      .poll(() => page.textContent('#draft-status'))
      .toMatch(/^Checked the reviewed request\. Left L4-5 transforaminal epidural steroid injection: upheld/);
    expect(await page.locator('#check-reviewed').isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  it('says why nothing was drafted from an empty note, and keeps focus in the note', async () => {
    const { page, checks } = await openPage();
    await page.click('#draft-note');
    await expect.poll(() => page.textContent('#draft-status')).toMatch(/^Could not draft: no text in the body/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note-text');
    expect(await page.locator('[data-draft]').count()).toBe(0);
    expect(checks).toEqual([]);
    await page.close();
  }, 60_000);
});
