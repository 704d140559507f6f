//! `sites` and `symptom`: the body map's facts as plain text.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::content::ContentPack;
use crate::content::sites::{Site, Sites, Who};
use crate::explorer::search::{self, Tier};
use crate::markdown::sanitize;
use crate::tf;
use crate::tui::text::{who_heading, who_short};
use crate::words::t;

/// Plain words for a tier, the same the TUI shows beside its symbol.
pub fn tier_words(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => t("plain.explorer.tier_emergency"),
        Tier::CallToday => t("plain.explorer.tier_today"),
        Tier::NextVisit => t("plain.explorer.tier_next_visit"),
    }
}

/// The top tier's words with who to call for a sign: "EMERGENCY, get help now: call …".
pub fn emergency_words(who: Who) -> String {
    tf!("plain.explorer.tier_emergency_who", tier = tier_words(Tier::Emergency), who = who_short(who))
}

/// Where the signs that need help now are explained, in the form `read` takes.
fn get_help_line() -> String {
    tf!("plain.explorer.get_help", lesson = crate::content::GET_HELP_LESSON)
}

/// A site's lesson links, one line each: `Read more: LESSON#SECTION (Title, section Name)`;
/// the pointer before the brackets is what `read` takes.
fn write_read_more(out: &mut impl Write, pack: &ContentPack, site: &Site) -> io::Result<()> {
    for target in &site.lessons {
        writeln!(out, "  {}", super::linear::read_more(Some(pack), target))?;
    }
    Ok(())
}

fn pack_sites(pack: &ContentPack) -> Result<&Sites> {
    match pack.sites.as_ref() {
        Some(sites) => Ok(sites),
        None => bail!("{}", t("plain.explorer.no_sites")),
    }
}

/// `sites`: every site with its signs, tier by tier.
pub fn sites(pack: &ContentPack) -> Result<ExitCode> {
    let sites = pack_sites(pack)?;
    let mut out = super::stdout();
    for (i, site) in sites.sites.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{} ({})", sanitize(&site.name), site.id)?;
        writeln!(out, "  {}", sanitize(&site.summary))?;
        for tier in Tier::ALL {
            write_tier(&mut out, sites, site, tier)?;
        }
        if !site.primaries.is_empty() {
            let list: Vec<_> = site.primaries.iter().map(|p| sanitize(p).into_owned()).collect();
            writeln!(out, "  {}", tf!("plain.explorer.often_from", cancers = list.join(t("plain.separator"))))?;
        }
        write_read_more(&mut out, pack, site)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t("plain.explorer.many_causes"))?;
    writeln!(out, "{}", get_help_line())?;
    Ok(ExitCode::SUCCESS)
}

/// A site's signs of one tier, one a line; the top tier's under who to call.
fn write_tier(out: &mut impl Write, sites: &Sites, site: &Site, tier: Tier) -> io::Result<()> {
    let lines = tier.lines(site);
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(out, "  {}", tf!("plain.explorer.tier_heading", tier = tier_words(tier)))?;
    if tier == Tier::Emergency {
        return write_who(out, sites, site);
    }
    for line in lines {
        writeln!(out, "    - {}", sanitize(line))?;
    }
    Ok(())
}

/// A site's top-tier signs grouped by who to call: the emergency number's first, then the
/// 24-hour line's, with what to do if the line does not answer.
fn write_who(out: &mut impl Write, sites: &Sites, site: &Site) -> io::Result<()> {
    for (who, lines) in sites.emergency_by_who(site) {
        writeln!(out, "    {}", who_heading(who))?;
        for line in lines {
            writeln!(out, "    - {}", sanitize(line))?;
        }
        if who == Who::CareTeamLine {
            writeln!(out, "    {}", t("tui.who_if_no_answer"))?;
        }
    }
    Ok(())
}

/// A sign found by `symptom`, with its tier and, in the top tier, who to call.
fn match_words(sites: &Sites, tier: Tier, line: &str) -> String {
    match tier {
        Tier::Emergency => emergency_words(sites.who(line)),
        _ => tier_words(tier).to_string(),
    }
}

/// `symptom TEXT`: the sites whose signs match, with their emergency signs.
pub fn symptom(pack: &ContentPack, query: &str) -> Result<ExitCode> {
    let sites = pack_sites(pack)?;
    let hits = search::search(sites, query);
    if hits.is_empty() {
        writeln!(super::stderr(), "{}", tf!("plain.explorer.no_match", query = sanitize(query.trim())))?;
        writeln!(super::stderr(), "{}", get_help_line())?;
        return Ok(ExitCode::FAILURE);
    }
    let mut out = super::stdout();
    for hit in &hits {
        let Some(site) = sites.sites.get(hit.site) else { continue };
        writeln!(out, "{} ({})", sanitize(&site.name), site.id)?;
        for (tier, line) in &hit.matches {
            writeln!(
                out,
                "  {}",
                tf!("plain.explorer.matches", sign = sanitize(line), tier = match_words(sites, *tier, line))
            )?;
        }
        if !site.emergency.is_empty() {
            writeln!(out, "  {}", t("plain.explorer.emergency_signs"))?;
            write_who(&mut out, sites, site)?;
        }
        write_read_more(&mut out, pack, site)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t("plain.explorer.many_causes"))?;
    writeln!(out, "{}", get_help_line())?;
    Ok(ExitCode::SUCCESS)
}
