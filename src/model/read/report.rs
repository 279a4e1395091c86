//! The report format's types, each read by one function: its fields matched by name in the
//! order they come, required ones checked once the object is read, in the order the format
//! (src/model/report.rs) lists them. Field names here are the JSON's; the schema is generated
//! from the types, and `tests/readers_agree.rs` plus the fuzz pass hold the two together.

use super::{Read, Reader, Source, Value};
use crate::model::problem::Expected;
use crate::model::report::{
    Area, Block, Compared, Domain, GlossaryEntry, GoodPractice, GradeDef, Group, NationalDistribution, OverviewSection,
    Report, Scale, ScaleChoice,
};

const U8: (i128, i128) = (0, u8::MAX as i128);
const U32: (i128, i128) = (0, u32::MAX as i128);
const I64: (i128, i128) = (i64::MIN as i128, i64::MAX as i128);

pub(super) fn report<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Report> {
    const NAMES: &[&str] = &[
        "schema_version", "force", "title", "published", "period", "scale", "compared", "forces_assessed", "domains",
        "areas", "overview", "glossary",
    ];
    let mut out = Report::default();
    let (mut version, mut force, mut title) = (None, None, None);
    r.fields(v, NAMES, &mut |r, i, v| {
        match i {
            0 => version = Some(r.int(v, U32.0, U32.1)? as u32),
            1 => force = Some(r.text(v)?),
            2 => title = Some(r.text(v)?),
            3 => out.published = r.opt_text(v)?,
            4 => out.period = r.opt_text(v)?,
            5 => out.scale = scale_choice(r, v)?,
            6 => {
                out.compared = match v {
                    Value::Null => None,
                    v => Some(compared(r, v)?),
                }
            }
            7 => {
                out.forces_assessed = match v {
                    Value::Null => None,
                    v => Some(r.int(v, U32.0, U32.1)? as u32),
                }
            }
            8 => out.domains = r.list(v, domain)?,
            9 => out.areas = r.list(v, area)?,
            10 => out.overview = r.list(v, overview)?,
            _ => out.glossary = r.list(v, glossary_entry)?,
        }
        Ok(())
    })?;
    out.schema_version = r.need(version, "schema_version")?;
    out.force = r.need(force, "force")?;
    out.title = r.need(title, "title")?;
    Ok(out)
}

fn domain<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Domain> {
    let mut out = Domain::default();
    let (mut id, mut title, mut areas) = (None, None, None);
    r.fields(v, &["id", "title", "ppaf", "areas"], &mut |r, i, v| {
        match i {
            0 => id = Some(r.text(v)?),
            1 => title = Some(r.text(v)?),
            2 => out.ppaf = r.opt_text(v)?,
            _ => areas = Some(r.list(v, area)?),
        }
        Ok(())
    })?;
    out.id = r.need(id, "id")?;
    out.title = r.need(title, "title")?;
    out.areas = r.need(areas, "areas")?;
    Ok(out)
}

fn area<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Area> {
    const NAMES: &[&str] = &[
        "id", "title", "grade", "direction", "national", "national_context", "context", "strengths",
        "work_in_progress", "areas_for_improvement", "good_practice",
    ];
    let mut out = Area::default();
    let (mut id, mut title) = (None, None);
    r.fields(v, NAMES, &mut |r, i, v| {
        match i {
            0 => id = Some(r.text(v)?),
            1 => title = Some(r.text(v)?),
            2 => out.grade_id = r.opt_text(v)?,
            3 => out.direction_id = r.opt_text(v)?,
            // Left out means none; null is a mistake ("expected an object, found null").
            4 => out.national = Some(NationalDistribution { given: r.entries(v, |r, v| Ok(r.int(v, I64.0, I64.1)? as i64))?, counts: Vec::new() }),
            5 => out.national_context = r.list(v, group)?,
            6 => out.context = r.list(v, group)?,
            7 => out.strengths = r.list(v, group)?,
            8 => out.work_in_progress = r.list(v, group)?,
            9 => out.areas_for_improvement = r.list(v, group)?,
            _ => out.good_practice = r.list(v, good_practice)?,
        }
        Ok(())
    })?;
    out.id = r.need(id, "id")?;
    out.title = r.need(title, "title")?;
    Ok(out)
}

fn group<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Group> {
    let (mut heading, mut blocks) = (None, None);
    r.fields(v, &["heading", "blocks"], &mut |r, i, v| {
        match i {
            0 => heading = r.opt_text(v)?,
            _ => blocks = Some(r.list(v, block)?),
        }
        Ok(())
    })?;
    Ok(Group { heading, blocks: r.need(blocks, "blocks")? })
}

fn block<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Block> {
    let (mut text, mut level) = (None, 0);
    r.fields(v, &["text", "level"], &mut |r, i, v| {
        match i {
            0 => text = Some(r.text(v)?),
            _ => level = r.int(v, U8.0, U8.1)? as u8,
        }
        Ok(())
    })?;
    Ok(Block { text: r.need(text, "text")?, level })
}

fn good_practice<S: Source>(r: &mut Reader, v: Value<S>) -> Read<GoodPractice> {
    let (mut title, mut body, mut contact) = (None, None, None);
    r.fields(v, &["title", "body", "contact"], &mut |r, i, v| {
        match i {
            0 => title = Some(r.text(v)?),
            1 => body = Some(r.list(v, block)?),
            _ => contact = r.opt_text(v)?,
        }
        Ok(())
    })?;
    Ok(GoodPractice { title: r.need(title, "title")?, body: r.need(body, "body")?, contact })
}

fn overview<S: Source>(r: &mut Reader, v: Value<S>) -> Read<OverviewSection> {
    let (mut title, mut blocks) = (None, None);
    r.fields(v, &["title", "blocks"], &mut |r, i, v| {
        match i {
            0 => title = Some(r.text(v)?),
            _ => blocks = Some(r.list(v, block)?),
        }
        Ok(())
    })?;
    Ok(OverviewSection { title: r.need(title, "title")?, blocks: r.need(blocks, "blocks")? })
}

fn glossary_entry<S: Source>(r: &mut Reader, v: Value<S>) -> Read<GlossaryEntry> {
    let [abbr, meaning, ..] = texts(r, v, &["abbr", "meaning"], 2)?;
    Ok(GlossaryEntry { abbr: r.need(abbr, "abbr")?, meaning: r.need(meaning, "meaning")? })
}

/// An object of up to five text fields, those from `required` on optional (null for none): a
/// glossary entry, a grade's words, what is compared. One function for the three types, so
/// the reading code exists once.
fn texts<S: Source>(
    r: &mut Reader,
    v: Value<S>,
    names: &'static [&'static str],
    required: usize,
) -> Read<[Option<String>; 5]> {
    let mut out = [None, None, None, None, None];
    r.fields(v, names, &mut |r, i, v| {
        out[i] = if i >= required { r.opt_text(v)? } else { Some(r.text(v)?) };
        Ok(())
    })?;
    Ok(out)
}

fn grade_def<S: Source>(r: &mut Reader, v: Value<S>) -> Read<GradeDef> {
    let [id, en, cy, ..] = texts(r, v, &["id", "en", "cy"], 3)?;
    let id = r.need(id, "id")?;
    let en = r.need(en, "en")?;
    Ok(GradeDef { id, en, cy: r.need(cy, "cy")? })
}

fn compared<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Compared> {
    let [en, cy, en_one, en_this, cy_this] = texts(r, v, &["en", "cy", "en_one", "en_this", "cy_this"], 2)?;
    let en = r.need(en, "en")?;
    Ok(Compared { en, cy: r.need(cy, "cy")?, en_one, en_this, cy_this })
}

/// `"scale"`: a built-in scale's name, a scale in full, or null for none.
fn scale_choice<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Option<ScaleChoice>> {
    Ok(match v {
        Value::Null => None,
        Value::Str(name) => Some(ScaleChoice::Named(name)),
        v @ Value::Obj(_) => Some(ScaleChoice::Given(scale(r, v)?)),
        other => return Err(r.wrong(Expected::Scale, &other)),
    })
}

/// A scale in full: in a report's `"scale"`, or a scale file (`grade-widget import --scale`).
pub fn scale<S: Source>(r: &mut Reader, v: Value<S>) -> Read<Scale> {
    let (mut grades, mut directions) = (None, None);
    r.fields(v, &["grades", "directions"], &mut |r, i, v| {
        match (i, v) {
            (0, v) => grades = Some(r.list(v, grade_def)?),
            (_, Value::Null) => directions = None,
            (_, v) => directions = Some(r.list(v, grade_def)?),
        }
        Ok(())
    })?;
    Ok(Scale { grades: r.need(grades, "grades")?, directions })
}
