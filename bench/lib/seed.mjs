// Seeds a large decided portfolio in the sandbox (`POST /__sandbox/portfolio`, reachable
// through the proxy) and reads it back the way an insurer client would, for independent checks.

/** The Allianz Trade policy the benchmarks and scale tests list. */
export const BENCH_ALLIANZ_POLICY = { businessUnitCode: 'FRA', policyId: 'POL-BENCH-1', extensionId: 'DCL' };

/**
 * Seeds `count` decisions of plan `seed` for `insurer` ('allianz-trade' with `policy`
 * {businessUnitCode, policyId, extensionId}, or 'atradius' with {customerId, policyId}).
 * Resolves to the sandbox's answer plus `milliseconds` (wall time of the call).
 */
export async function seedPortfolio(proxyUrl, { insurer = 'allianz-trade', count, seed = 1, policy = BENCH_ALLIANZ_POLICY }) {
  const query = new URLSearchParams({ insurer, count: String(count), seed: String(seed) });
  for (const [name, value] of Object.entries(policy)) query.set(name, String(value));
  const started = performance.now();
  const response = await fetch(`${proxyUrl}__sandbox/portfolio?${query}`, { method: 'POST' });
  const milliseconds = performance.now() - started;
  if (response.status !== 200) throw new Error(`seeding: ${response.status} ${await response.text()}`);
  return { ...(await response.json()), milliseconds };
}

/**
 * Every cover of an Allianz Trade policy, fetched through the proxy page by page
 * (`POST /proxy/allianz-trade/riskinfo/v3/covers/search`), as the insurer answers them.
 */
export async function allianzCovers(proxyUrl, policy = BENCH_ALLIANZ_POLICY, pageSize = 5000) {
  const covers = [];
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${proxyUrl}proxy/allianz-trade/riskinfo/v3/covers/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tradecover-client': 'bench' },
      body: JSON.stringify({ policies: [policy], pagination: { page, pageSize, isTotalRequired: true } }),
    });
    if (response.status !== 200) throw new Error(`covers/search page ${page}: ${response.status} ${await response.text()}`);
    const body = await response.json();
    covers.push(...body.covers);
    if (body.covers.length < pageSize || covers.length >= body.totalItems) return covers;
  }
}
