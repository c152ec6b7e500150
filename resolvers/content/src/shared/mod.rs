//! What the content domains share: who made a request ([`requester`]), document bodies
//! ([`body`]), and the checks of public ids given in inputs ([`references`]).

pub mod body;
pub mod inputs;
pub mod references;
pub mod requester;
