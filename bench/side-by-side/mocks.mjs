// The insurer API as the widgets see it through the proxy, mocked so that only client time
// counts: the Coface name search answered after a fixed 20 ms through page.route, and the
// Atradius portfolio (100,000 covers) answered at once by the static server, uncompressed.
import {
  ATRADIUS_COVERS_PATH,
  COFACE_NAME_SEARCH_PATH,
  atradiusPortfolio,
  cofaceNameAnswer,
} from './fixtures.mjs';

/** The fixed delay of the mocked search API, in ms. */
export const SEARCH_DELAY_MS = 20;

/** Answers the Coface search (any insurer search under /proxy/coface/companies/) on `page`
 * after SEARCH_DELAY_MS, with results built from the searched name. */
export async function mockSearch(page) {
  await page.route(/\/proxy\/coface\/companies\//, async (route) => {
    const url = new URL(route.request().url());
    const name = url.searchParams.get('companyName') || url.searchParams.get('identifier') || 'x';
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS));
    await route.fulfill({ status: 200, json: cofaceNameAnswer(name) });
  });
}

/** Registers the portfolio of `rows` covers on `server`; answers its bytes. */
export function servePortfolio(server, rows) {
  const body = atradiusPortfolio(rows);
  server.mock(ATRADIUS_COVERS_PATH, (request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  return body;
}

export { ATRADIUS_COVERS_PATH, COFACE_NAME_SEARCH_PATH };
