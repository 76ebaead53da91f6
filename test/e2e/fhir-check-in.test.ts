/// <reference types="node" />
// `npm start -- --fhir`: the portal against the FHIR R4 test server. A check-in made there is a
// QuestionnaireResponse, and a moderate screen opens the crisis follow-up Task, with no console error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startFhirServer, type RunningFhirServer } from '../../demo/fhir-server/server.js';
import { launchBrowser, openPage } from './harness.js';

let fhir: RunningFhirServer;
let browser: Browser;
before(async () => {
  [fhir, browser] = await Promise.all([startFhirServer({ demo: true }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await fhir?.stop();
});

test('a check-in in the FHIR portal is a QuestionnaireResponse; a moderate screen opens the follow-up Task', async () => {
  const origin = new URL(fhir.baseUrl).origin;
  const { page, context, problems } = await openPage(browser, `${origin}/demo/portal/?backend=fhir`);
  const checkIn = page.locator('iop-check-in');
  const next = checkIn.locator('[part=next]');
  await checkIn.locator('.opt', { hasText: /^\s*5\s*$/ }).click();
  await next.click();
  await checkIn.getByText('Yes', { exact: true }).click();
  await next.click();
  await next.click();
  for (const word of ['No', 'Yes', 'Yes', 'No', 'No', 'No']) {
    await checkIn.getByText(word, { exact: true }).click();
    await next.click();
  }
  await checkIn.getByText('Please talk with someone today.').waitFor();
  await checkIn.getByText('Your check-in was sent to your care team.').waitFor();
  const search = async (query: string) => {
    const response = await fetch(`${fhir.baseUrl}/${query}`, {
      headers: { authorization: 'Bearer demo-alex' },
    });
    return ((await response.json()) as { entry?: { resource: Record<string, unknown> }[] }).entry ?? [];
  };
  const responses = await search(`QuestionnaireResponse?subject=${fhir.patients.alex}`);
  assert.equal(responses.length, 1);
  assert.equal(
    responses[0]!.resource.questionnaire,
    'urn:iop-kit:instrument:cssrs-screener-recent|C-SSRS-Screener-recent-with-triage-colors-2021',
  );
  const tasks = await search(`Task?subject=${fhir.patients.alex}&status=requested`);
  assert.equal(tasks.length, 1);
  assert.deepEqual(tasks[0]!.resource.focus, {
    reference: `QuestionnaireResponse/${responses[0]!.resource.id}`,
  });
  assert.deepEqual(problems, []);
  await context.close();
});
