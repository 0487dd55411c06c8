//! How strong a passphrase must be to encrypt a new private key.
//!
//! The key file is encrypted under the passphrase (scrypt, §9 of `docs/FORMAT.md`), so whoever
//! copies `private/` can try passphrases offline at their own speed. A new key is refused
//! unless its passphrase has at least [`MIN_CHARS`] characters, is not only white space, and is
//! scored at least [`MIN_SCORE`] of 4 by zxcvbn (Dropbox's estimator: dictionaries of common
//! passwords, names and words, keyboard patterns, repeats, sequences and dates; 3 means more
//! than 10^8 guesses). The issuer's own id and name count as known words.
//!
//! The result is typed ([`Weakness`], with zxcvbn's warning and suggestions as enums), so that
//! an interface can explain it in the person's language; the `sello` command does so in
//! Spanish and English.

pub use zxcvbn::feedback::{Suggestion, Warning};

/// Fewest characters in a passphrase for a new key.
pub const MIN_CHARS: usize = 8;
/// Lowest zxcvbn score (0 to 4) accepted for a new key.
pub const MIN_SCORE: u8 = 3;

/// Why a passphrase is too weak to encrypt a new key.
#[derive(Debug, Clone, PartialEq)]
pub enum Weakness {
    /// Empty, or only white space (spaces, tabs, line breaks).
    Blank,
    /// Fewer than [`MIN_CHARS`] characters.
    TooShort,
    /// Easy to guess: zxcvbn's score (below [`MIN_SCORE`]), what it found, and what it advises.
    Guessable {
        /// zxcvbn's score, 0 to [`MIN_SCORE`] − 1.
        score: u8,
        /// What makes it guessable, when zxcvbn can say.
        warning: Option<Warning>,
        /// How to choose a better one.
        suggestions: Vec<Suggestion>,
    },
}

impl std::fmt::Display for Weakness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Weakness::Blank => f.write_str("it is empty or only white space"),
            Weakness::TooShort => write!(f, "it has fewer than {MIN_CHARS} characters"),
            Weakness::Guessable {
                score,
                warning,
                suggestions,
            } => {
                write!(
                    f,
                    "it is easy to guess (strength {score} of 4, at least {MIN_SCORE} needed)"
                )?;
                if let Some(w) = warning {
                    write!(f, ". {w}")?;
                }
                for s in suggestions {
                    write!(f, " {s}")?;
                }
                Ok(())
            }
        }
    }
}

/// Checks that `passphrase` may encrypt a new key. `known` are words an attacker would try
/// first (the issuer's id and name).
pub fn check(passphrase: &str, known: &[&str]) -> Result<(), Weakness> {
    if passphrase.chars().all(char::is_whitespace) {
        return Err(Weakness::Blank);
    }
    if passphrase.chars().count() < MIN_CHARS {
        return Err(Weakness::TooShort);
    }
    let entropy = zxcvbn::zxcvbn(passphrase, known);
    let score = u8::from(entropy.score());
    if score >= MIN_SCORE {
        return Ok(());
    }
    let (warning, suggestions) = entropy.feedback().map_or((None, Vec::new()), |f| {
        (f.warning(), f.suggestions().to_vec())
    });
    Err(Weakness::Guessable {
        score,
        warning,
        suggestions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passphrases_are_refused_with_a_reason() {
        assert_eq!(check("", &[]), Err(Weakness::Blank));
        assert_eq!(check("        ", &[]), Err(Weakness::Blank));
        assert_eq!(check(" \t\n \u{3000}  \u{a0}  ", &[]), Err(Weakness::Blank));
        assert_eq!(check("Xk9#q", &[]), Err(Weakness::TooShort));
        for weak in [
            "12345678",
            "password",
            "contraseña",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "abcdefgh",
            "passphrase",
        ] {
            assert!(
                matches!(check(weak, &[]), Err(Weakness::Guessable { score, .. }) if score < MIN_SCORE),
                "{weak:?} was accepted"
            );
        }
        let Err(Weakness::Guessable {
            warning,
            suggestions,
            ..
        }) = check("12345678", &[])
        else {
            panic!("12345678 accepted");
        };
        assert_eq!(warning, Some(Warning::ThisIsATop10Password));
        assert!(!suggestions.is_empty());
        // The issuer's own name is the first thing an attacker tries.
        let known = ["mx.cecati149", "CECATI 149"];
        assert!(check("mx.cecati149", &known).is_err());
        assert!(check("CECATI 149", &known).is_err());
        assert!(Weakness::TooShort.to_string().contains("8 characters"));
    }

    #[test]
    fn strong_passphrases_are_accepted() {
        for strong in [
            "frase de prueba larga",
            "una frase larga y secreta",
            "Tlacuache-azul-29-mezcal",
            "demo-7KQ2-M9XW-3HPA-4TZR-8VBN-1QWE",
            // The ones the test suites and benchmarks use.
            "otra frase larga para la llave nueva",
            "otra frase distinta y larga",
            "frase de prueba del navegador",
            "interop-test-passphrase",
            "una frase larga para la prueba",
            "frase de carga larga",
        ] {
            assert_eq!(
                check(strong, &["mx.cecati149", "CECATI 149"]),
                Ok(()),
                "{strong:?}"
            );
        }
    }
}
