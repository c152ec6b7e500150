//! Looking a plan row up by public id, the one way every root and federation entity field of
//! the plan does it: the core's [`graph_core::loaders::lookup`].

pub(crate) use graph_core::loaders::lookup;
