//! Label-anchored reading of a table from text whose cell structure is lost: text that PDF
//! tools give (labels broken over lines, numbers on the line between a label's fragments,
//! the vertical group labels interleaved one character per line, a block of numbers before
//! their labels), markdown conversions, and run-together text with no separator at all
//! (`一、本年新收政府信息公开申请数量81002011二、…`).
//!
//! The table region becomes a stream of tokens (characters and numbers). The template's own
//! labels, in template order, are found in the stream; the numbers between one label and
//! the next belong to the first. A row whose numbers ran together is split with the table's
//! arithmetic (a 表三 row's six columns sum to its 总计, 表四's four results to their 总计);
//! the column identities O1 and S2 choose between several splits. What stays ambiguous is
//! left blank and marked uncertain: nothing is guessed silently.

mod columns;
mod rows;
mod spec;
mod split;
mod tables;
mod tokens;

pub use crate::model::Provenance;
pub use spec::StreamRead;
pub use tables::{read_t2, read_t3, read_t4};

#[cfg(test)]
mod tests;
