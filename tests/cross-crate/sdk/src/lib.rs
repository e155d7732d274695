//! Re-exports `bedrock_profiles` as `bp`, and wraps `inference_profile!` in a macro of its own.

pub use bedrock_profiles as bp;

/// `inference_profile!` for this crate's users: `crate = $crate::bp`, which names this crate wherever the macro is
/// called.
#[macro_export]
macro_rules! profiles {
    ($($body:tt)*) => {
        $crate::bp::inference_profile! { crate = $crate::bp; $($body)* }
    };
}
