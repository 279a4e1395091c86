//! The grade profile: how many of this force's areas got each grade, beside the share of each
//! grade among all forces' grades in all areas. A real table; the small bars only repeat the
//! numbers beside them, so they are hidden from assistive technology.

use std::rc::Rc;

use yew::prelude::*;

use super::heading::heading;
use crate::options::Level;
use crate::view_model::{percent, PreparedReport};
use super::symbols::grade_label;
use crate::model::Grade;
use crate::i18n::fill;
use crate::view_model::Words;

/// A 0–100 bar as SVG geometry (no style attribute, so strict CSP is happy).
/// `bar` is the fill's `data-bar` ("force" or "national"), which the stylesheet colours.
fn share_bar(pct: i64, bar: &'static str) -> Html {
    html! {
        <svg class="gw-pbar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="gw-pbar__track" width="100" height="8" />
            <rect class="gw-pbar__fill" data-bar={bar} width={pct.clamp(0, 100).to_string()} height="8" />
        </svg>
    }
}

/// A plain function, not a component (see header.rs).
pub fn grade_profile(data: &Rc<PreparedReport>, level: Level) -> Html {
    let lang = data.lang;
    let s = lang.strings();
    let p = &data.profile;
    let areas = p.areas() as i64;
    let national_total = p.national_total();
    // Highest grade first, as people read a profile.
    let words: &Words = &data.words;
    // Without any national counts there is no national column.
    let national = p.has_national;
    let rows = (0..words.len()).rev().map(|rank| {
        let g = Grade(rank as u8);
        let n = p.force[rank] as i64;
        let share = percent(p.national[rank], national_total);
        html! {
            <tr key={rank}>
                <th scope="row">{ grade_label(words, Some(&g)) }</th>
                <td class="gw-num">
                    <span class="gw-profile__n">{ n.to_string() }</span>
                    { share_bar(percent(n, areas), "force") }
                </td>
                if national {
                    <td class="gw-num">
                        <span class="gw-profile__n">{ format!("{share}%") }</span>
                        { share_bar(share, "national") }
                    </td>
                }
            </tr>
        }
    });
    html! {
        <section class="gw-profile" part="profile" data-testid="profile">
            { heading(level, 1, "gw-h3", None, None, None, html! { s.heading_profile }) }
            <table class="gw-table gw-profile__table">
                <caption class="gw-caption">
                    { fill(&s.n_profile_caption, [words.this_after(s.n_profile_caption[0]), words.things_of()]) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ s.profile_col_grade }</th>
                        <th scope="col" class="gw-num">{ fill(&s.n_profile_col_force, [words.this_after(s.n_profile_col_force[0])]) }</th>
                        if national {
                            <th scope="col" class="gw-num">
                                { fill(&s.n_profile_col_national, [words.things()]) }
                            </th>
                        }
                    </tr>
                </thead>
                <tbody>
                    { for rows }
                    if p.ungraded > 0 {
                        <tr key="none">
                            <th scope="row">{ grade_label(words, None) }</th>
                            <td class="gw-num"><span class="gw-profile__n">{ p.ungraded.to_string() }</span></td>
                            if national {
                                <td class="gw-num">{ "–" }</td>
                            }
                        </tr>
                    }
                </tbody>
            </table>
        </section>
    }
}
