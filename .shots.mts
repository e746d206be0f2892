import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
for (const [name, url] of [['m-home', '/'], ['m-issue', '/issues/2023/35/'], ['m-dept', '/departments/jiyuanlu-jiedao/'], ['m-item', '/issues/2023/34/2/']]) {
  await page.goto('http://127.0.0.1:8765' + url);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
}
const print = await browser.newPage({ viewport: { width: 794, height: 1123 } });
await print.emulateMedia({ media: 'print' });
await print.goto('http://127.0.0.1:8765/issues/2022/40/');
await print.screenshot({ path: '/tmp/shots/print-issue.png', fullPage: true });
await print.pdf({ path: '/tmp/shots/issue.pdf', format: 'A4', printBackground: false, preferCSSPageSize: true });
const desk = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
for (const [name, url] of [['d-depts', '/departments/'], ['d-dept', '/departments/jiyuanlu-jiedao/'], ['d-issues', '/issues/'], ['d-issue40', '/issues/2022/40/']]) {
  await desk.goto('http://127.0.0.1:8765' + url);
  await desk.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
await browser.close();
