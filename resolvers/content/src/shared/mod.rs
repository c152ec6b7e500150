//! What the content domains share: who made a request ([`requester`]), a request's status and
//! priority ([`request`]), document bodies ([`body`]), and the checks of public ids given in
//! inputs ([`references`]).

pub mod body;
pub mod inputs;
pub mod references;
pub mod request;
pub mod requester;
