//! Measures data set generation and name-search latency.
//!
//! `cargo run -p tradecover-sandbox --release --example timing [seed]`

use std::time::Instant;
use tradecover_sandbox::{dataset, Country, NameQuery, DEFAULT_SEED};

fn main() {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let started = Instant::now();
    let data = dataset(seed);
    let generation = started.elapsed();
    let head_offices = data
        .companies()
        .iter()
        .filter(|c| c.is_head_office())
        .count();
    let unknown = data.unknown_to_coface().count();
    println!(
        "seed {seed}: {} records ({head_offices} head offices, {} establishments, {unknown} unknown to Coface) generated in {generation:?}",
        data.len(),
        data.len() - head_offices
    );
    for country in Country::ALL {
        println!("  {country}: {} records", data.in_country(country).len());
    }

    let samples = data.sample_head_offices(None, 200, |c| c.known_to_coface());
    let mut queries: Vec<(Country, String)> = samples
        .iter()
        .map(|c| {
            (
                c.country(),
                c.name().split(' ').next().unwrap_or("a").to_owned(),
            )
        })
        .collect();
    // Worst cases: one-letter prefixes match thousands of names.
    queries.extend(Country::ALL.iter().map(|c| (*c, "s".to_owned())));
    let started = Instant::now();
    let mut matches = 0usize;
    let mut slowest = std::time::Duration::ZERO;
    for (country, name) in &queries {
        let one = Instant::now();
        matches += data
            .search_by_name(&NameQuery::new(*country, name), |c| c.known_to_coface())
            .len();
        slowest = slowest.max(one.elapsed());
    }
    let total = started.elapsed();
    println!(
        "{} searches ({matches} matches) in {total:?}: {:?} on average, slowest {slowest:?}",
        queries.len(),
        total / u32::try_from(queries.len()).unwrap_or(1)
    );
}
