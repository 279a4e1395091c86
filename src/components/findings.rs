//! Report text sections (context, strengths, work in progress, areas for improvement) and good
//! practice case studies, as headings, paragraphs and lists. Consecutive bullets become one
//! `<ul>`; a level 2 bullet nests in the bullet before it. All text goes through
//! [`rich_text`]: text nodes and `<abbr>`, never HTML.

use yew::prelude::*;

use super::abbr::rich_text;
use super::heading::heading;
use crate::options::Level;
use crate::view_model::Glossary;
use crate::model::{Block, GoodPractice, Section};

/// Paragraphs and (nested) bullet lists for a flat run of blocks.
pub fn blocks_html(blocks: &[Block], g: &Glossary) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if blocks[i].level == 0 {
            out.push(html! { <p class="gw-p">{ rich_text(&blocks[i].text, g) }</p> });
            i += 1;
            continue;
        }
        let mut items: Vec<Html> = Vec::new();
        while i < blocks.len() && blocks[i].level >= 1 {
            // A level 2 bullet with no bullet before it stands as a bullet of its own.
            let head = &blocks[i];
            i += 1;
            let mut nested: Vec<Html> = Vec::new();
            while i < blocks.len() && blocks[i].level >= 2 {
                nested.push(html! { <li>{ rich_text(&blocks[i].text, g) }</li> });
                i += 1;
            }
            items.push(html! {
                <li>
                    { rich_text(&head.text, g) }
                    if !nested.is_empty() {
                        <ul class="gw-list gw-list--nested">{ for nested }</ul>
                    }
                </li>
            });
        }
        out.push(html! { <ul class="gw-list">{ for items }</ul> });
    }
    out.into_iter().collect()
}

/// A titled section; nothing at all when the report has no text for it. The sections sit in a
/// wrapper marked as the report's language (English); `ui` marks the widget's own words in it
/// (the heading) with the widget's language when that differs, so a screen reader reads the
/// Welsh "Cryfderau" as Welsh.
/// `level` is the widget's top heading level: the section title sits two below it.
pub fn section_html(title: &str, ui: Option<&'static str>, section: &Section, g: &Glossary, testid: &'static str, level: Level) -> Html {
    if section.iter().all(|grp| grp.blocks.is_empty() && grp.heading.is_none()) {
        return Html::default();
    }
    html! {
        <section class="gw-findings" data-testid={testid}>
            { heading(level, 2, "gw-h4", None, ui, None, html! { title.to_string() }) }
            { for section.iter().map(|grp| html! {
                <>
                    if let Some(h) = &grp.heading {
                        { heading(level, 3, "gw-h5", None, None, None, rich_text(h, g)) }
                    }
                    { blocks_html(&grp.blocks, g) }
                </>
            }) }
        </section>
    }
}

/// The good practice case studies: title, body, contact. `ui` as for [`section_html`].
pub fn good_practice_html(title: &str, contact_label: &str, ui: Option<&'static str>, items: &[GoodPractice], g: &Glossary, level: Level) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="gw-findings gw-gp" data-testid="good-practice">
            { heading(level, 2, "gw-h4", None, ui, None, html! { title.to_string() }) }
            { for items.iter().map(|gp| html! {
                <div class="gw-gp__item">
                    { heading(level, 3, "gw-h5", None, None, None, rich_text(&gp.title, g)) }
                    { blocks_html(&gp.body, g) }
                    if let Some(c) = &gp.contact {
                        <p class="gw-gp__contact"><span class="gw-gp__label" lang={ui}>{ contact_label.to_string() }</span>{ " " }{ rich_text(c, g) }</p>
                    }
                </div>
            }) }
        </section>
    }
}
