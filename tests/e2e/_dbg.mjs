import { serve } from '../../scripts/serve.mjs';
import { launch, openPage, events } from './lib.mjs';
const { server, url } = await serve({ port: 0 });
const b = await launch();
const { page, problems } = await openPage(b, url + (process.argv[2] ?? 'index.html'));
await page.waitForTimeout(2000);
console.log(await page.evaluate(() => JSON.stringify(window.__gw)), problems);
console.log(await page.locator('#report [data-testid="area-row"]').count());
await b.close(); server.close();
