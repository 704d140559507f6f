//! Readability of Spanish lesson prose: Fernández-Huerta and INFLESZ (Szigriszt-Pazos).
//!
//! Words and sentences are found as for English ([`super::readability`]); only syllables and the
//! formulas differ. English grade formulas are not used on Spanish text: they are fitted to
//! English word lengths, and Spanish words have more syllables for the same ease.
//!
//! # Scores
//!
//! - Fernández-Huerta (1959): 206.84 − 0.60·P − 1.02·F, with P the syllables per 100 words and F
//!   the words per sentence. It is Flesch's Reading Ease refitted to Spanish, whose sentence term
//!   is words per sentence; F is often quoted as "sentences per 100 words", which makes shorter
//!   sentences score *harder* (G. Law, "Error in the Fernández Huerta readability formula",
//!   LINGUIST List 22.2332, 2011). This module uses words per sentence, so splitting a long
//!   sentence always helps, as it does on INFLESZ. Bands as Flesch's: 90+ very easy, 80 easy, 70 fairly easy
//!   ("bastante fácil"), 60 normal, 50 fairly difficult, 30 difficult, below 30 very difficult.
//! - INFLESZ, Szigriszt-Pazos's perspicuity (1993) on Barrio-Cantalejo's scale (2008):
//!   206.835 − 62.3·(syllables/words) − (words/sentences). Bands: above 80 very easy, 65 fairly easy
//!   ("bastante fácil"), 55 normal, 40 somewhat difficult, below 40 very difficult.
//!
//! Lessons aim at "fairly easy" or easier on both: Fernández-Huerta ≥ 70 and INFLESZ ≥ 65.
//!
//! # Syllables
//!
//! [`syllables`] splits a word by the rules of Spanish spelling (RAE, *Ortografía* 2010), which are
//! regular enough to need no dictionary:
//!
//! 1. Vowels are a, e, o (open) and i, u, ü (closed); á, é, ó are open, and so are í and ú with their
//!    accent, which breaks a diphthong. "y" is a vowel at the end of a word or before a consonant
//!    (muy, hoy, "y"); before a vowel it is a consonant (ca-yo). The "u" of "que", "qui", "gue",
//!    "gui" is silent, no vowel (quí-mi-co, gui-sar); "ü" is heard (ver-güen-za).
//! 2. Vowels side by side share a syllable (a diphthong, or a triphthong: buey) unless two open
//!    vowels meet (hiatus: le-er, a-é-re-o), an accented í or ú meets an open vowel (pa-ís, rí-o,
//!    ba-úl), or a vowel is doubled (chi-i-ta). An "h" between vowels does not part them
//!    (ahu-mar, prohi-bir), but open vowels still make a hiatus across it (a-ho-ra, bú-ho).
//! 3. Consonants between two vowels: ch, ll and rr are one consonant each (co-che, ca-lle, pe-rro),
//!    and so are qu and a gu with a silent u (e-qui-po, in-gui-nal).
//!    One consonant goes with the next vowel (ca-sa). Two are split (car-ta) unless they are a
//!    cluster that starts a syllable: p, b, f, t, d, c, k, g before r, or p, b, f, t, c, k, g before l
//!    (a-pre-tar, ha-blar, o-tro, a-tlas). Of three, the last two go on if they are such a cluster
//!    (hom-bre), else only the last (ins-tan-te). Of four, two and two (ins-truc-ción).
//! 4. A word without a vowel counts one syllable a letter if it is in capitals (an abbreviation read
//!    letter by letter: TNM), else one (a number, as the English count does).
//!
//! Only rules 1, 2 and 4 change the count; rule 3 places the breaks, for the tests to check.

use super::readability::{prose, sentences, words};

/// Counts and scores of a Spanish passage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub fernandez_huerta: f64,
    pub inflesz: f64,
}

/// A lesson should read at least this on Fernández-Huerta ("fairly easy")…
pub const MIN_FERNANDEZ_HUERTA: f64 = 70.0;
/// …and at least this on INFLESZ ("fairly easy").
pub const MIN_INFLESZ: f64 = 65.0;

impl Readability {
    /// Both scores from counts; zero words gives 100 on both, zero sentences count as one.
    pub fn from_counts(words: usize, sentences: usize, syllables: usize) -> Readability {
        let (fernandez_huerta, inflesz) = if words == 0 {
            (100.0, 100.0)
        } else {
            let (w, s, y) = (words as f64, sentences.max(1) as f64, syllables as f64);
            (206.84 - 0.60 * (100.0 * y / w) - 1.02 * (w / s), 206.835 - 62.3 * (y / w) - w / s)
        };
        Readability { words, sentences, syllables, fernandez_huerta, inflesz }
    }
}

/// Readability of a Spanish lesson's Markdown body (its prose).
pub fn measure(markdown: &str) -> Readability {
    let sentences = sentences(&prose(markdown));
    let (mut word_count, mut syllables) = (0, 0);
    for sentence in &sentences {
        for word in words(sentence) {
            word_count += 1;
            syllables += count_syllables(word);
        }
    }
    Readability::from_counts(word_count, sentences.len(), syllables)
}

/// A band of a Spanish readability scale, easiest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    VeryEasy,
    Easy,
    FairlyEasy,
    Normal,
    FairlyDifficult,
    SomewhatDifficult,
    Difficult,
    VeryDifficult,
}

impl Band {
    pub const ALL: [Band; 8] = [
        Band::VeryEasy,
        Band::Easy,
        Band::FairlyEasy,
        Band::Normal,
        Band::FairlyDifficult,
        Band::SomewhatDifficult,
        Band::Difficult,
        Band::VeryDifficult,
    ];
}

/// The Fernández-Huerta band of a score.
pub fn fernandez_huerta_band(score: f64) -> Band {
    match score {
        s if s >= 90.0 => Band::VeryEasy,
        s if s >= 80.0 => Band::Easy,
        s if s >= 70.0 => Band::FairlyEasy,
        s if s >= 60.0 => Band::Normal,
        s if s >= 50.0 => Band::FairlyDifficult,
        s if s >= 30.0 => Band::Difficult,
        _ => Band::VeryDifficult,
    }
}

/// The INFLESZ band of a score (Barrio-Cantalejo et al. 2008).
pub fn inflesz_band(score: f64) -> Band {
    match score {
        s if s > 80.0 => Band::VeryEasy,
        s if s >= 65.0 => Band::FairlyEasy,
        s if s >= 55.0 => Band::Normal,
        s if s >= 40.0 => Band::SomewhatDifficult,
        _ => Band::VeryDifficult,
    }
}

/// Syllables of one word (at least one for a word with a letter or digit).
pub fn count_syllables(word: &str) -> usize {
    let split = syllables(word);
    if !split.is_empty() {
        return split.len();
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        letters.len()
    } else {
        usize::from(word.chars().any(char::is_alphanumeric))
    }
}

/// A letter of a word, lower case, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Letter {
    /// a, e, o and accented vowels that break diphthongs (á é í ó ú).
    Open(char),
    /// i, u, ü and "y" as a vowel.
    Closed(char),
    Consonant(char),
}

impl Letter {
    fn is_vowel(self) -> bool {
        !matches!(self, Letter::Consonant(_))
    }
}

/// The letters of a word, lower case, with decomposed accents put back on their vowels.
fn letters_of(word: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let composed = match (c, out.last()) {
            ('\u{301}', Some(&v)) => "aeiou".find(v).map(|i| ['á', 'é', 'í', 'ó', 'ú'][i]),
            ('\u{308}', Some('u')) => Some('ü'),
            _ => None,
        };
        match composed {
            Some(v) => *out.last_mut().expect("a vowel before the accent") = v,
            None if c.is_alphabetic() => out.push(c),
            None => {}
        }
    }
    out
}

fn classify(chars: &[char]) -> Vec<Letter> {
    (0..chars.len())
        .map(|i| {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next_is_vowel = next.is_some_and(|n| "aeiouáéíóúü".contains(n));
            match c {
                'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => Letter::Open(c),
                // The silent u of que, qui, gue, gui.
                'u' if matches!(prev, Some('q' | 'g')) && matches!(next, Some('e' | 'i' | 'é' | 'í')) => {
                    Letter::Consonant(c)
                }
                'i' | 'u' | 'ü' => Letter::Closed(c),
                'y' if !next_is_vowel => Letter::Closed(c),
                _ => Letter::Consonant(c),
            }
        })
        .collect()
}

/// Whether two vowels side by side are in different syllables (rule 2).
fn hiatus(a: Letter, b: Letter) -> bool {
    match (a, b) {
        (Letter::Open(x), Letter::Open(y)) => x == y || !matches!((x, y), ('í' | 'ú', 'í' | 'ú')),
        (Letter::Closed(x), Letter::Closed(y)) => x == y,
        _ => false,
    }
}

/// Consonant pairs that start a syllable together (rule 3).
fn is_cluster(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("p" | "b" | "f" | "t" | "d" | "c" | "k" | "g", "r") | ("p" | "b" | "f" | "t" | "c" | "k" | "g", "l")
    )
}

/// The syllables of a word by the rules in the module doc, lower case and letters only:
/// "radioterapia" → ["ra", "dio", "te", "ra", "pia"]. Empty for a word without a vowel.
pub fn syllables(word: &str) -> Vec<String> {
    let chars = letters_of(word);
    let letters = classify(&chars);
    // Nuclei: runs of vowels split at each hiatus, as (start, end) letter indices.
    let mut nuclei: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < letters.len() {
        if !letters[i].is_vowel() {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            if i + 1 < letters.len() && letters[i + 1].is_vowel() && !hiatus(letters[i], letters[i + 1]) {
                i += 1;
            } else if letters.get(i + 1) == Some(&Letter::Consonant('h'))
                && letters.get(i + 2).is_some_and(|&next| next.is_vowel() && !hiatus(letters[i], next))
            {
                i += 2;
            } else {
                break;
            }
        }
        nuclei.push((start, i + 1));
        i += 1;
    }
    let Some(&(first, _)) = nuclei.first() else { return Vec::new() };
    // Each syllable starts where the consonants before its nucleus break.
    let mut starts = vec![0];
    for pair in nuclei.windows(2) {
        let (gap_start, gap_end) = (pair[0].1, pair[1].0);
        starts.push(gap_end - onset_length(&chars[gap_start..gap_end]));
    }
    debug_assert!(first >= starts[0]);
    let mut out: Vec<String> = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(chars.len());
        out.push(chars[start..end].iter().collect());
    }
    out
}

/// How many letters of the consonants between two nuclei go with the second one (rule 3).
fn onset_length(gap: &[char]) -> usize {
    // Units: ch, ll, rr are one consonant of two letters.
    let mut units: Vec<String> = Vec::new();
    let mut i = 0;
    while i < gap.len() {
        let two: String = gap[i..(i + 2).min(gap.len())].iter().collect();
        // A gu with a silent u ends the gap (the vowel after it is what made the u silent).
        if matches!(two.as_str(), "ch" | "ll" | "rr" | "qu") || (two == "gu" && i + 2 == gap.len()) {
            units.push(two);
            i += 2;
        } else {
            units.push(gap[i].to_string());
            i += 1;
        }
    }
    let n = units.len();
    let taken = match n {
        0 => 0,
        1 => 1,
        _ if is_cluster(&units[n - 2], &units[n - 1]) => 2,
        _ => 1,
    };
    units[n - taken..].iter().map(|u| u.chars().count()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> String {
        syllables(word).join("-")
    }

    /// Words split by hand by the rules of the RAE (the count is the number of pieces).
    #[test]
    fn hand_split_words() {
        for (word, by_hand) in [
            ("casa", "ca-sa"),                      // 2: one consonant goes with the next vowel
            ("país", "pa-ís"),                      // 2: accented í breaks the diphthong
            ("causa", "cau-sa"),                    // 2: au is a diphthong
            ("ahora", "a-ho-ra"),                   // 3: h between vowels is a consonant; a-o would be a hiatus anyway
            ("químico", "quí-mi-co"),               // 3: the u of "qui" is silent
            ("radioterapia", "ra-dio-te-ra-pia"),   // 5: io and ia are diphthongs
            ("hablar", "ha-blar"),                  // 2: bl starts a syllable
            ("otro", "o-tro"),                      // 2: tr starts a syllable
            ("carta", "car-ta"),                    // 2: rt splits
            ("coche", "co-che"),                    // 2: ch is one consonant
            ("calle", "ca-lle"),                    // 2: ll is one consonant
            ("perro", "pe-rro"),                    // 2: rr is one consonant
            ("hombre", "hom-bre"),                  // 2: m | br
            ("instante", "ins-tan-te"),             // 3: ns | t
            ("instrucción", "ins-truc-ción"),       // 3: ns | tr, then c | c
            ("leer", "le-er"),                      // 2: two open vowels
            ("río", "rí-o"),                        // 2
            ("ciudad", "ciu-dad"),                  // 2: iu is a diphthong
            ("buey", "buey"),                       // 1: a triphthong, final y a vowel
            ("muy", "muy"),                         // 1
            ("ayuda", "a-yu-da"),                   // 3: y before a vowel is a consonant
            ("vergüenza", "ver-güen-za"),           // 3: ü is heard
            ("metástasis", "me-tás-ta-sis"),        // 4
            ("quimioterapia", "qui-mio-te-ra-pia"), // 5
            ("aéreo", "a-é-re-o"),                  // 4
            ("y", "y"),                             // 1
            ("equipo", "e-qui-po"),                 // 3: qu is one consonant
            ("ahumar", "ahu-mar"),                  // 2: h does not part a diphthong
            ("búho", "bú-ho"),                      // 2: ú-o is a hiatus across the h
            ("Ganglios", "gan-glios"),              // 2: upper case is read as lower
            ("CÁNCER", "cán-cer"),                  // 2
        ] {
            assert_eq!(split(word), by_hand, "{word}");
            assert_eq!(count_syllables(word), by_hand.split('-').count(), "{word}");
        }
    }

    #[test]
    fn words_without_vowels() {
        assert_eq!(count_syllables("TNM"), 3);
        assert_eq!(count_syllables("38"), 1);
        assert_eq!(count_syllables("4B"), 1);
        // A decomposed accent (e + U+0301) is the same as é.
        assert_eq!(split("pa\u{0069}\u{0301}s"), "pa-ís");
    }

    /// Two short passages counted by hand: words, sentences, syllables, then both formulas.
    #[test]
    fn hand_counted_passages() {
        // "El cáncer puede crecer." = el(1) cán-cer(2) pue-de(2) cre-cer(2) = 4 words, 7 syllables.
        // "Hable con su equipo de atención médica." = ha-ble(2) con(1) su(1) e-qui-po(3) de(1)
        //   a-ten-ción(3) mé-di-ca(3) = 7 words, 14 syllables.
        // Total: 11 words, 2 sentences, 21 syllables.
        let r = measure("El cáncer puede crecer. Hable con su equipo de atención médica.");
        assert_eq!((r.words, r.sentences, r.syllables), (11, 2, 21));
        // FH = 206.84 − 0.60·(2100/11) − 1.02·(11/2) = 206.84 − 114.545 − 5.61 = 86.69
        assert!((r.fernandez_huerta - 86.69).abs() < 0.01, "{r:?}");
        // INFLESZ = 206.835 − 62.3·(21/11) − 11/2 = 206.835 − 118.936 − 5.5 = 82.40
        assert!((r.inflesz - 82.40).abs() < 0.01, "{r:?}");
        assert_eq!(fernandez_huerta_band(r.fernandez_huerta), Band::Easy);
        assert_eq!(inflesz_band(r.inflesz), Band::VeryEasy);

        // "La quimioterapia usa medicamentos. ¿Le duele ahora? Llame hoy." =
        //   la(1) qui-mio-te-ra-pia(5) u-sa(2) me-di-ca-men-tos(5) = 4 words, 13
        //   le(1) due-le(2) a-ho-ra(3) = 3 words, 6
        //   lla-me(2) hoy(1) = 2 words, 3
        // Total: 9 words, 3 sentences, 22 syllables.
        let r = measure("La quimioterapia usa medicamentos. ¿Le duele ahora? Llame hoy.");
        assert_eq!((r.words, r.sentences, r.syllables), (9, 3, 22));
        // FH = 206.84 − 0.60·(2200/9) − 1.02·(9/3) = 206.84 − 146.667 − 3.06 = 57.11
        assert!((r.fernandez_huerta - 57.11).abs() < 0.01, "{r:?}");
        // INFLESZ = 206.835 − 62.3·(22/9) − 9/3 = 206.835 − 152.289 − 3 = 51.55
        assert!((r.inflesz - 51.55).abs() < 0.01, "{r:?}");
        assert_eq!(fernandez_huerta_band(r.fernandez_huerta), Band::FairlyDifficult);
        assert_eq!(inflesz_band(r.inflesz), Band::SomewhatDifficult);
    }

    /// The same words in shorter sentences read easier on both scores (as quoted with
    /// "sentences per 100 words", Fernández-Huerta said the opposite).
    #[test]
    fn shorter_sentences_score_easier_on_both() {
        let long = measure("El cáncer puede crecer y hable con su equipo de atención médica y hágalo hoy mismo.");
        let short = measure("El cáncer puede crecer. Hable con su equipo de atención médica. Hágalo hoy mismo.");
        assert!(short.fernandez_huerta > long.fernandez_huerta, "{short:?} vs {long:?}");
        assert!(short.inflesz > long.inflesz, "{short:?} vs {long:?}");
    }

    #[test]
    fn bands_at_their_edges() {
        assert_eq!(fernandez_huerta_band(70.0), Band::FairlyEasy);
        assert_eq!(fernandez_huerta_band(69.9), Band::Normal);
        assert_eq!(inflesz_band(65.0), Band::FairlyEasy);
        assert_eq!(inflesz_band(64.9), Band::Normal);
        assert_eq!(inflesz_band(80.0), Band::FairlyEasy);
        assert_eq!(Readability::from_counts(0, 0, 0).fernandez_huerta, 100.0);
    }
}
