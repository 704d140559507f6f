//! Which language the tutor speaks: `--lang`, else `PATIENT_TUTOR_LANG`, else the
//! language last chosen in the tutor (`L`, kept in the progress file), else the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`, the order POSIX gives them), else English. Only a
//! language the program has can be chosen; any other falls back to English.

/// The languages the program has words and a built-in pack for.
pub const LANGUAGES: &[&str] = &["en", "es"];

/// The locale's environment variables, asked in order after the language chosen.
const LOCALE: &[&str] = &["LC_ALL", "LC_MESSAGES", "LANG"];

/// The language to use. `env` gives a variable's value (the process environment in the
/// program, a table in tests); `saved` is the language chosen in the tutor, if any. The
/// first source that names a language decides, so `--lang fr` means English even when
/// the locale is Spanish.
pub fn choose(flag: Option<&str>, env: impl Fn(&str) -> Option<String>, saved: Option<&str>) -> &'static str {
    let from_env = |name: &str| env(name).as_deref().and_then(language_of);
    let named = flag
        .and_then(language_of)
        .or_else(|| from_env("PATIENT_TUTOR_LANG"))
        .or_else(|| saved.and_then(language_of))
        .or_else(|| LOCALE.iter().find_map(|name| from_env(name)));
    named.and_then(|code| LANGUAGES.iter().copied().find(|&known| known == code)).unwrap_or("en")
}

/// The language `L` switches to after `current`: the next the program has, round again.
pub fn next_after(current: &str) -> &'static str {
    let at = LANGUAGES.iter().position(|&code| code == current).unwrap_or(0);
    LANGUAGES[(at + 1) % LANGUAGES.len()]
}

/// The language part of a code or locale, lowercase: `es_MX.UTF-8` → `es`, `es-419` → `es`.
/// `C`, `POSIX` and empty name no language (the next source is asked).
fn language_of(value: &str) -> Option<String> {
    let value = value.trim();
    let code = value.split(['_', '-', '.', '@']).next().unwrap_or("");
    if code.is_empty() || code == "C" || code == "POSIX" {
        return None;
    }
    Some(code.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::choose;

    /// `--lang`, the environment, the language chosen.
    type Case<'a> = (Option<&'a str>, &'a [(&'a str, &'a str)], &'a str);

    #[test]
    fn the_first_source_that_names_a_language_decides() {
        let cases: &[Case] = &[
            (None, &[], "en"),
            (Some("es"), &[], "es"),
            (Some("ES"), &[], "es"),
            (Some("en"), &[("PATIENT_TUTOR_LANG", "es")], "en"),
            (Some("es"), &[("LANG", "en_GB.UTF-8")], "es"),
            (Some("fr"), &[("LANG", "es_ES.UTF-8")], "en"),
            (Some(""), &[("LANG", "es_ES.UTF-8")], "es"),
            (None, &[("PATIENT_TUTOR_LANG", "es")], "es"),
            (None, &[("PATIENT_TUTOR_LANG", "es"), ("LANG", "en_US.UTF-8")], "es"),
            (None, &[("PATIENT_TUTOR_LANG", "de"), ("LANG", "es_ES.UTF-8")], "en"),
            (None, &[("PATIENT_TUTOR_LANG", ""), ("LANG", "es_ES.UTF-8")], "es"),
            (None, &[("LANG", "es_MX.UTF-8")], "es"),
            (None, &[("LANG", "es")], "es"),
            (None, &[("LANG", "es-419")], "es"),
            (None, &[("LANG", "es_ES@euro")], "es"),
            (None, &[("LANG", "en_US.UTF-8")], "en"),
            (None, &[("LANG", "pt_BR.UTF-8")], "en"),
            (None, &[("LC_ALL", "es_AR.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "en_US.UTF-8")], "es"),
            (None, &[("LC_ALL", "en_US.UTF-8"), ("LANG", "es_ES.UTF-8")], "en"),
            (None, &[("LC_MESSAGES", "es_CO.UTF-8"), ("LANG", "en_US.UTF-8")], "es"),
            (None, &[("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")], "es"),
            (None, &[("LC_ALL", "POSIX"), ("LC_MESSAGES", "C.UTF-8"), ("LANG", "es_ES.UTF-8")], "es"),
            (None, &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "es_CL.UTF-8")], "es"),
            (None, &[("LANG", "C")], "en"),
            (None, &[("LANG", "POSIX")], "en"),
            (None, &[("LANG", "")], "en"),
        ];
        for &(flag, env, want) in cases {
            let lookup = |name: &str| env.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string());
            assert_eq!(choose(flag, lookup, None), want, "--lang {flag:?}, {env:?}");
        }
    }

    /// The language chosen in the tutor wins over the locale, not over what the person
    /// named for this run.
    #[test]
    fn the_saved_choice_comes_after_the_flag_and_the_variable_and_before_the_locale() {
        // `--lang`, the environment, the saved choice, the language chosen.
        type Saved<'a> = (Option<&'a str>, &'a [(&'a str, &'a str)], Option<&'a str>, &'a str);
        let cases: &[Saved] = &[
            (None, &[], Some("es"), "es"),
            (None, &[("LANG", "en_US.UTF-8")], Some("es"), "es"),
            (None, &[("LC_ALL", "es_ES.UTF-8")], Some("en"), "en"),
            (None, &[("PATIENT_TUTOR_LANG", "en")], Some("es"), "en"),
            (Some("en"), &[], Some("es"), "en"),
            (None, &[("LANG", "es_ES.UTF-8")], Some(""), "es"),
            (None, &[("LANG", "es_ES.UTF-8")], Some("fr"), "en"),
            (None, &[("LANG", "es_ES.UTF-8")], None, "es"),
        ];
        for &(flag, env, saved, want) in cases {
            let lookup = |name: &str| env.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string());
            assert_eq!(choose(flag, lookup, saved), want, "--lang {flag:?}, {env:?}, saved {saved:?}");
        }
    }
}
