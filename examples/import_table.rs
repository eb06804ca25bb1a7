//! Prints the table of cells read right per rendering of the import corpus (the README's
//! table): `cargo run --release --example import_table`. Needs poppler's pdftotext.

#[path = "../tests/corpus/mod.rs"]
mod corpus;

fn main() {
    println!("| rendering | cells right | share | misread without a mark | false 错误 |");
    println!("|---|---|---|---|---|");
    for r in corpus::renderings() {
        let t = corpus::measure(r.name, &r.render);
        println!(
            "| {} | {}/{} | {:.1} % | {} | {} |",
            r.name,
            t.right,
            t.total,
            100.0 * t.right as f64 / t.total.max(1) as f64,
            t.silent.len(),
            t.false_errors.len()
        );
    }
}
