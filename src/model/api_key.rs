//! An API key as the admin types it: checked for shape before anything is sent, and
//! never printed (its `Debug` hides the secret).

use std::fmt;

const LIVE_PREFIX: &str = "sf_live_v1_";
const SANDBOX_PREFIX: &str = "sf_test_v1_";
/// Shortest secret part accepted after the prefix.
const MIN_SECRET_CHARS: usize = 16;

#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    Empty,
    UnknownPrefix,
    TooShort,
    BadCharacters,
}

impl KeyProblem {
    pub fn message(&self) -> &'static str {
        match self {
            KeyProblem::Empty => "Enter an API key.",
            KeyProblem::UnknownPrefix => {
                "This is not an API key of the platform: keys start with sf_live_v1_ or sf_test_v1_."
            }
            KeyProblem::TooShort => {
                "This key is too short: it may have been cut off when copied. Copy the whole key."
            }
            KeyProblem::BadCharacters => {
                "This key contains spaces or characters a key never has. Copy it again."
            }
        }
    }
}

impl ApiKey {
    /// Accepts a pasted key, trimming the whitespace around it.
    pub fn parse(input: &str) -> Result<ApiKey, KeyProblem> {
        let key = input.trim();
        if key.is_empty() {
            return Err(KeyProblem::Empty);
        }
        let secret = key
            .strip_prefix(LIVE_PREFIX)
            .or_else(|| key.strip_prefix(SANDBOX_PREFIX))
            .ok_or(KeyProblem::UnknownPrefix)?;
        if !secret
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(KeyProblem::BadCharacters);
        }
        if secret.chars().count() < MIN_SECRET_CHARS {
            return Err(KeyProblem::TooShort);
        }
        Ok(ApiKey(key.to_owned()))
    }

    /// A sandbox (test) key rather than a production one.
    pub fn is_sandbox(&self) -> bool {
        self.0.starts_with(SANDBOX_PREFIX)
    }

    /// The value of the `Authorization` header: the only place the secret goes.
    pub fn authorization(&self) -> String {
        format!("Bearer {}", self.0)
    }

    /// The key itself, for session storage only.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let environment = if self.is_sandbox() { "sandbox" } else { "live" };
        write!(f, "ApiKey({environment}, redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_live_and_sandbox_keys_trimmed() {
        let live = ApiKey::parse("  sf_live_v1_demo3Hn8cV5bQ1xJ7fD2gW4k\n");
        assert_eq!(
            live.as_ref().map(ApiKey::secret),
            Ok("sf_live_v1_demo3Hn8cV5bQ1xJ7fD2gW4k")
        );
        assert_eq!(live.map(|k| k.is_sandbox()), Ok(false));
        let sandbox = ApiKey::parse("sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z");
        assert_eq!(sandbox.map(|k| k.is_sandbox()), Ok(true));
    }

    #[test]
    fn rejects_wrong_shapes_before_sending() {
        assert_eq!(ApiKey::parse("   "), Err(KeyProblem::Empty));
        assert_eq!(
            ApiKey::parse("sk_live_abcdefghijklmnopqrstuv"),
            Err(KeyProblem::UnknownPrefix)
        );
        assert_eq!(ApiKey::parse("sf_live_v1_abc"), Err(KeyProblem::TooShort));
        assert_eq!(
            ApiKey::parse("sf_live_v1_abcdefgh ijklmnopqrst"),
            Err(KeyProblem::BadCharacters)
        );
        assert_eq!(
            ApiKey::parse("Bearer sf_live_v1_abcdefghijklmnopqrst"),
            Err(KeyProblem::UnknownPrefix)
        );
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let key = ApiKey::parse("sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z");
        let printed = format!("{key:?}");
        assert!(!printed.contains("demo7Kq2"), "{printed}");
        assert!(printed.contains("sandbox"));
    }

    #[test]
    fn authorization_header_carries_the_key() {
        let key = ApiKey::parse("sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z");
        assert_eq!(
            key.map(|k| k.authorization()),
            Ok("Bearer sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z".to_owned())
        );
    }
}
