//! A CofaServe code list as a Rust enum: every documented code a variant, anything else kept in
//! `Other(code)` — shown, never rejected. Serialises as the code itself.

/// Defines `pub enum $name { Variant…, Other(String) }` with `parse` (trimmed, any case,
/// aliases accepted), `as_str` (the documented spelling), `CODES`, `Display` and serde as the
/// code string.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $code:literal $(| $alias:literal)*,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$variant_meta])*
                $variant,
            )+
            /// A code this version does not know, as received (trimmed).
            Other(String),
        }

        impl $name {
            /// Every documented code, in the documentation's order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The value for `code`: a documented code (or a known alias) in any case, with
            /// blanks around; anything else is `Other`.
            pub fn parse(code: &str) -> Self {
                let code = code.trim();
                $(
                    if code.eq_ignore_ascii_case($code)
                        $(|| code.eq_ignore_ascii_case($alias))*
                    {
                        return Self::$variant;
                    }
                )+
                Self::Other(code.to_owned())
            }

            /// The code as documented (or as received, for `Other`).
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $code,)+
                    Self::Other(code) => code,
                }
            }

            /// Whether the code is one this version knows.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::parse(&code))
            }
        }
    };
}

pub(super) use code_enum;
