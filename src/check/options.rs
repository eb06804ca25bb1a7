//! How the report is being edited, where it changes what a check asks for (its own module,
//! so the checks that read it do not import the module that dispatches to them).

/// How the report is being edited, where it changes what a check asks for.
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckOptions {
    /// The totals are computed by the program (the editor's default): a blank total is not
    /// something to fill in, so S7 does not list it.
    pub totals_computed: bool,
}
