use super::*;

#[test]
fn the_english_catalogue_parses_and_has_words() {
    let english = Catalogue::parse("en", ENGLISH_TOML).expect("en.toml parses");
    assert!(english.keys().len() > 100, "{} keys", english.keys().len());
    assert!(english.missing().is_empty());
}

type Case<'a> = (&'a str, &'a [(&'a str, &'a dyn Display)], &'a str);

#[test]
fn places_are_filled_by_name_in_any_order() {
    let cases: &[Case] = &[
        ("Lesson {n} of {total}", &[("total", &19), ("n", &3)], "Lesson 3 of 19"),
        ("{a}{a}", &[("a", &"x")], "xx"),
        ("no places", &[("n", &1)], "no places"),
        ("a {{literal}} brace", &[], "a {literal} brace"),
        ("unknown {place} stays", &[("n", &1)], "unknown {place} stays"),
        ("a lone { or } is kept", &[], "a lone { or } is kept"),
        ("{n}", &[("n", &"{n}")], "{n}"),
        ("ends with {", &[], "ends with {"),
        ("ünï {w} çødé", &[("w", &"→")], "ünï → çødé"),
    ];
    for (template, args, want) in cases {
        assert_eq!(fill(template, args), *want, "{template}");
    }
}

#[test]
fn a_typed_answer_matches_its_word_whatever_the_case_and_accents() {
    for typed in ["sí", "si", "SÍ", "Si", " sí \n"] {
        assert!(typed_is(typed, "sí"), "{typed:?}");
    }
    assert!(typed_is("YES", "yes"));
    for typed in ["s", "sin", "no", ""] {
        assert!(!typed_is(typed, "sí"), "{typed:?}");
    }
}

#[test]
fn places_are_listed_for_check() {
    assert_eq!(places("Lesson {n} of {total}"), ["n", "total"]);
    assert_eq!(places("{{not}} a place {x}"), ["x"]);
    assert!(places("none").is_empty());
}

#[test]
fn a_catalogue_has_texts_lists_and_counted_texts() {
    let c = Catalogue::parse(
        "xx",
        "[home]\ntitle = \"T\"\nlines = [\"a\", \"b\"]\ndue = { one = \"1 due\", other = \"{n} due\" }\n[home.deep]\nx = \"y\"\n",
    )
    .unwrap();
    assert_eq!(c.get("home.title"), Some(&Entry::Text("T".into())));
    assert_eq!(c.get("home.lines"), Some(&Entry::List(vec!["a".into(), "b".into()])));
    assert_eq!(c.get("home.due"), Some(&Entry::Plural { one: "1 due".into(), other: "{n} due".into() }));
    assert_eq!(c.get("home.deep.x"), Some(&Entry::Text("y".into())));
    assert_eq!(c.keys(), ["home.deep.x", "home.due", "home.lines", "home.title"]);
    assert!(c.missing().len() > 100, "a catalogue of four words lacks most of English");
}

#[test]
fn a_broken_catalogue_names_its_line() {
    let err = Catalogue::parse("xx", "[home]\ntitle = \"T\"\nbad = \n").unwrap_err();
    assert!(matches!(err, WordsError::Syntax { line: 3, .. }), "{err}");
    let err = Catalogue::parse("xx", "[home]\ncount = 3\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "`home.count`: a word must be a text, a list of texts, or a table of `one` and `other`"
    );
    assert!(Catalogue::parse("xx", "x = [\"a\", 1]\n").is_err());
}

#[test]
fn english_words_are_found_and_unknown_keys_show_as_themselves() {
    assert_eq!(t("tui.too_small"), "Make the window larger");
    assert_eq!(t("no.such.key"), "no.such.key");
    assert!(list("tui.notice").len() > 3);
}

/// Every text of an entry, labelled by its form, for comparing two languages' places.
fn forms(entry: &Entry) -> Vec<(String, &str)> {
    match entry {
        Entry::Text(s) => vec![(String::new(), s.as_str())],
        Entry::Plural { one, other } => vec![("one".into(), one.as_str()), ("other".into(), other.as_str())],
        Entry::List(items) => items.iter().enumerate().map(|(i, s)| (format!("[{i}]"), s.as_str())).collect(),
    }
}

#[test]
fn the_spanish_catalogue_has_every_english_word_and_the_same_places() {
    use std::collections::BTreeSet;
    let spanish = Catalogue::parse("es", SPANISH_TOML).expect("es.toml parses");
    let english = Catalogue::english();
    assert!(spanish.missing().is_empty(), "es.toml lacks {:?}", spanish.missing());
    let extra: Vec<&str> = spanish.keys().into_iter().filter(|k| english.get(k).is_none()).collect();
    assert!(extra.is_empty(), "es.toml has keys English lacks: {extra:?}");
    let mut wrong = Vec::new();
    for key in english.keys() {
        let (en_entry, es_entry) = (english.get(key).unwrap(), spanish.get(key).unwrap());
        let (en, es) = (forms(en_entry), forms(es_entry));
        if en.len() != es.len() || std::mem::discriminant(en_entry) != std::mem::discriminant(es_entry) {
            wrong.push(format!("{key}: not the same shape or number of items"));
            continue;
        }
        for ((form, en_text), (_, es_text)) in en.iter().zip(&es) {
            let want: BTreeSet<&str> = places(en_text).into_iter().collect();
            let got: BTreeSet<&str> = places(es_text).into_iter().collect();
            if want != got {
                wrong.push(format!("{key}{form}: English {want:?}, Spanish {got:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
