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
//! an interface can choose what to show; its `Display` explains it in the language in use
//! (Spanish or English, from this crate's catalogue), zxcvbn's findings included.

use crate::i18n::tr;
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
    /// Why, in the language in use, with zxcvbn's findings and a word of advice.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Weakness::Blank => f.write_str(&tr("passphrase-blank", &[]))?,
            Weakness::TooShort => {
                f.write_str(&tr("passphrase-too-short", &[("min", MIN_CHARS.into())]))?
            }
            Weakness::Guessable {
                score,
                warning,
                suggestions,
            } => {
                let args = [("score", (*score).into()), ("min", MIN_SCORE.into())];
                f.write_str(&tr("passphrase-guessable", &args))?;
                if let Some(w) = warning {
                    write!(f, " {}", tr(warning_id(*w), &[]))?;
                }
                for s in suggestions {
                    write!(f, " {}", tr(suggestion_id(*s), &[]))?;
                }
            }
        }
        write!(f, " {}", tr("passphrase-advice", &[]))
    }
}

fn warning_id(warning: Warning) -> &'static str {
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => {
            "passphrase-warning-straight-rows-of-keys-are-easy-to-guess"
        }
        Warning::ShortKeyboardPatternsAreEasyToGuess => {
            "passphrase-warning-short-keyboard-patterns-are-easy-to-guess"
        }
        Warning::RepeatsLikeAaaAreEasyToGuess => {
            "passphrase-warning-repeats-like-aaa-are-easy-to-guess"
        }
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            "passphrase-warning-repeats-like-abc-abc-are-only-slightly-harder-to-guess"
        }
        Warning::ThisIsATop10Password => "passphrase-warning-this-is-top-10-password",
        Warning::ThisIsATop100Password => "passphrase-warning-this-is-top-100-password",
        Warning::ThisIsACommonPassword => "passphrase-warning-this-is-a-common-password",
        Warning::ThisIsSimilarToACommonlyUsedPassword => {
            "passphrase-warning-this-is-similar-to-a-commonly-used-password"
        }
        Warning::SequencesLikeAbcAreEasyToGuess => {
            "passphrase-warning-sequences-like-abc-are-easy-to-guess"
        }
        Warning::RecentYearsAreEasyToGuess => "passphrase-warning-recent-years-are-easy-to-guess",
        Warning::AWordByItselfIsEasyToGuess => {
            "passphrase-warning-a-word-by-itself-is-easy-to-guess"
        }
        Warning::DatesAreOftenEasyToGuess => "passphrase-warning-dates-are-often-easy-to-guess",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => {
            "passphrase-warning-names-and-surnames-by-themselves-are-easy-to-guess"
        }
        Warning::CommonNamesAndSurnamesAreEasyToGuess => {
            "passphrase-warning-common-names-and-surnames-are-easy-to-guess"
        }
    }
}

fn suggestion_id(suggestion: Suggestion) -> &'static str {
    match suggestion {
        Suggestion::UseAFewWordsAvoidCommonPhrases => {
            "passphrase-suggestion-use-a-few-words-avoid-common-phrases"
        }
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => {
            "passphrase-suggestion-no-need-for-symbols-digits-or-uppercase-letters"
        }
        Suggestion::AddAnotherWordOrTwo => "passphrase-suggestion-add-another-word-or-two",
        Suggestion::CapitalizationDoesntHelpVeryMuch => {
            "passphrase-suggestion-capitalization-doesnt-help-very-much"
        }
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
            "passphrase-suggestion-all-uppercase-is-almost-as-easy-to-guess-as-all-lowercase"
        }
        Suggestion::ReversedWordsArentMuchHarderToGuess => {
            "passphrase-suggestion-reversed-words-arent-much-harder-to-guess"
        }
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => {
            "passphrase-suggestion-predictable-substitutions-dont-help-very-much"
        }
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => {
            "passphrase-suggestion-use-a-longer-keyboard-pattern-with-more-turns"
        }
        Suggestion::AvoidRepeatedWordsAndCharacters => {
            "passphrase-suggestion-avoid-repeated-words-and-characters"
        }
        Suggestion::AvoidSequences => "passphrase-suggestion-avoid-sequences",
        Suggestion::AvoidRecentYears => "passphrase-suggestion-avoid-recent-years",
        Suggestion::AvoidYearsThatAreAssociatedWithYou => {
            "passphrase-suggestion-avoid-years-that-are-associated-with-you"
        }
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => {
            "passphrase-suggestion-avoid-dates-and-years-that-are-associated-with-you"
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
        // In the language in use (Spanish: these tests never set another), zxcvbn's findings too.
        assert!(Weakness::TooShort.to_string().contains("8 caracteres"));
        let guessable = check("12345678", &[]).unwrap_err().to_string();
        assert!(
            guessable.contains("Es una de las 10 contraseñas más comunes."),
            "{guessable}"
        );
        assert!(!guessable.contains("password"), "{guessable}");
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
