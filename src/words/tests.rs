use super::*;

#[test]
fn the_english_catalogue_parses_and_has_words() {
    let english = Catalogue::parse("en", ENGLISH_TOML).expect("en.toml parses");
    assert!(english.keys().len() > 100, "{} keys", english.keys().len());
    assert!(english.missing().is_empty());
}

#[test]
fn the_spanish_catalogue_parses_and_has_only_english_keys() {
    let spanish = Catalogue::parse("es", SPANISH_TOML).expect("es.toml parses");
    let english = Catalogue::english().keys();
    assert!(!spanish.keys().is_empty());
    for key in spanish.keys() {
        assert!(english.contains(&key), "es.toml has `{key}`, which English does not");
    }
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
