// The extension's frames in a CRM page (Chromium): the launcher badge and the docked panel.

/** The frame of `page` whose address `matches`; `meanwhile` runs between looks. */
async function frameWhere(page, matches, what, meanwhile = async () => {}) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const frame = page.frames().find((candidate) => matches(candidate.url()));
    if (frame) return frame;
    await meanwhile(attempt);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${what} frame in the page`);
}

/** On a freshly loaded page the record is read, and the badge drawn, once a user is there: a pointer move is one. */
export async function userArrives(page, step = 0) {
  await page.bringToFront();
  await page.mouse.move(2 + (step % 5), 2);
}

/**
 * The badge's frame. The pointer keeps moving while we look, as a user's
 * does: a move made before the content script has read the page (and started
 * waiting for a user) would otherwise be the only one.
 */
export async function launcherFrame(page) {
  await userArrives(page);
  return frameWhere(page, (url) => url.endsWith('/launcher.html'), 'launcher', (attempt) => userArrives(page, attempt));
}

export const dockedFrame = (page) => frameWhere(page, (url) => url.endsWith('/sidepanel.html?docked=1'), 'docked panel');

/**
 * The badge's button, once the background's count has arrived. Its tab is
 * brought to the front first (userArrives): the user clicks in the tab they
 * see, and Chromium does not deliver a mouse click to a frame of a background tab.
 */
export async function launcherButton(page) {
  const button = (await launcherFrame(page)).locator('#launcher');
  await button.waitFor({ state: 'visible' });
  return button;
}

/** Sets "In the CRM page" options through the options page and waits until they are saved. */
export async function setDisplay(browser, change) {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await change(options.getByRole('region', { name: 'In the CRM page' }));
  await options.locator('[data-testid=display-saved][data-state=saved]').waitFor();
  await options.close();
}

/** Chooses the docked panel in the options and opens it from the badge. */
export async function openDockedPanel(browser, page) {
  await setDisplay(browser, (section) => section.getByLabel('Docked inside the CRM page').check());
  await (await launcherFrame(page)).locator('#launcher[data-opens=docked]').waitFor();
  await (await launcherButton(page)).click();
  return dockedFrame(page);
}
