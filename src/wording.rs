//! The core's reasons, in the interface's language: a refused `data=`, a broken file, a note on
//! the link, a birth date it cannot use, settings that were reset. The core hands them over as
//! values (`SourceRefusal`, `FileError`, `NoteKind`, `BirthDateProblem`); each is worded here
//! once, from `locales/*/status.json`. The dataset's own values are worded in `labels.rs`.

use tuoyu_core::age::BirthDateProblem;
use tuoyu_core::catalogue::scope::TreeProblem;
use tuoyu_core::catalogue::{CatalogueError, Problem, CATALOGUE_SCHEMA};
use tuoyu_core::load::{quote, FileError, TopField, SCHEMA};
use tuoyu_core::query::{NoteKind, Param, QueryNote, MAX_COMPARED};
use tuoyu_core::source::SourceRefusal;

use crate::data::{LoadFailure, NetworkProblem};
use crate::i18n::*;
use crate::lang;
use crate::prefs::Reset;
use crate::scope::FileProblem;

pub fn reset_text(reset: Reset) -> &'static str {
    let l = lang::current();
    match reset {
        Reset::Settings => td_string!(l, status.reset_settings),
        Reset::Stars => td_string!(l, status.reset_stars),
        Reset::Language => td_string!(l, status.reset_language),
    }
}

/// Why the dataset cannot be shown, in the interface's language.
pub fn failure_text(failure: &LoadFailure) -> String {
    let l = lang::current();
    match failure {
        LoadFailure::Refused(refusal) => refusal_text(refusal),
        LoadFailure::File(error) => file_error_text(error),
        LoadFailure::Catalogue(error) => catalogue_error_text(error),
        LoadFailure::TooLarge { limit_mb } => {
            td_string!(l, status.net_too_large, mb = *limit_mb).to_string()
        }
        LoadFailure::LoaderFailed => td_string!(l, status.file_unreadable).to_owned(),
        LoadFailure::Network(problem) => {
            let message = match *problem {
                NetworkProblem::Timeout => td_string!(l, status.net_timeout).to_owned(),
                NetworkProblem::NoConnection => td_string!(l, status.net_no_connection).to_owned(),
                NetworkProblem::Http(status) => td_string!(l, status.net_http, status).to_string(),
                NetworkProblem::CutOff => td_string!(l, status.net_cut_off).to_owned(),
            };
            td_string!(l, status.net_nothing_kept, message).to_string()
        }
    }
}

fn refusal_text(refusal: &SourceRefusal) -> String {
    let l = lang::current();
    match refusal {
        SourceRefusal::NotSameOriginPath => {
            td_string!(l, status.refused_not_same_origin).to_owned()
        }
        SourceRefusal::OriginNotAllowed(origin) => {
            td_string!(l, status.refused_origin, origin = origin.clone()).to_string()
        }
        SourceRefusal::Malformed => td_string!(l, status.refused_malformed).to_owned(),
    }
}

/// `CatalogueError::message`, in the interface's language.
fn catalogue_error_text(error: &CatalogueError) -> String {
    let l = lang::current();
    let schema = CATALOGUE_SCHEMA;
    match error {
        CatalogueError::File(e) => file_error_text(e),
        CatalogueError::MissingSchema => {
            td_string!(l, scope.cat_missing_schema, schema).to_string()
        }
        CatalogueError::WrongSchema(v) => {
            td_string!(l, scope.cat_wrong_schema, value = quote(v), schema).to_string()
        }
        CatalogueError::UnsupportedVersion(v) => {
            td_string!(l, scope.cat_unsupported_version, value = quote(v), schema).to_string()
        }
        CatalogueError::MissingField(field) => {
            td_string!(l, scope.cat_missing_field, field = field.clone()).to_string()
        }
        CatalogueError::BadField { field, problem } => td_string!(
            l,
            scope.cat_bad_field,
            field = field.clone(),
            what = problem_text(problem)
        )
        .to_string(),
        CatalogueError::NoEntries => td_string!(l, scope.cat_no_entries).to_owned(),
        CatalogueError::TooManyEntries { limit } => {
            td_string!(l, scope.cat_too_many, limit = *limit).to_string()
        }
        CatalogueError::DuplicateCode(code) => {
            td_string!(l, scope.cat_duplicate_code, code = quote(code)).to_string()
        }
        CatalogueError::ForeignUrl { code, refusal } => td_string!(
            l,
            scope.cat_foreign_url,
            code = quote(code),
            reason = refusal_text(refusal)
        )
        .to_string(),
    }
}

fn problem_text(problem: &Problem) -> &'static str {
    let l = lang::current();
    match problem {
        Problem::NotText => td_string!(l, scope.p_text),
        Problem::NotCode => td_string!(l, scope.p_code),
        Problem::NotDate => td_string!(l, scope.p_date),
        Problem::NotCrs => td_string!(l, scope.p_crs),
        Problem::NotBool => td_string!(l, scope.p_bool),
        Problem::NotEntryType => td_string!(l, scope.p_entry_type),
        Problem::NotPoint => td_string!(l, scope.p_point),
        Problem::NotBox => td_string!(l, scope.p_box),
        Problem::NotCount => td_string!(l, scope.p_count),
    }
}

/// Why one file of a catalogue's scope is not in the list, in the interface's language.
pub fn file_problem_text(problem: &FileProblem) -> String {
    let l = lang::current();
    match problem {
        FileProblem::Load(failure) => failure_text(failure),
        FileProblem::Catalogue(error) => catalogue_error_text(error),
        FileProblem::Tree(TreeProblem::Cycle) => td_string!(l, scope.tree_cycle).to_owned(),
        FileProblem::Tree(TreeProblem::TooDeep) => td_string!(l, scope.tree_too_deep).to_owned(),
        FileProblem::Tree(TreeProblem::Refused(refusal)) => refusal_text(refusal),
        FileProblem::OutsideBox(outside) => {
            td_string!(l, scope.outside_box, id = quote(&outside.id)).to_string()
        }
        FileProblem::NotListed => td_string!(l, scope.not_listed).to_owned(),
    }
}

/// `FileError::message`, in the interface's language.
fn file_error_text(error: &FileError) -> String {
    let l = lang::current();
    match error {
        FileError::TooLarge { bytes, limit } => td_string!(
            l,
            status.file_too_large,
            size = format!("{:.1}", *bytes as f64 / 1_048_576.0),
            limit = limit / 1_048_576
        )
        .to_string(),
        FileError::Empty => td_string!(l, status.file_empty).to_owned(),
        FileError::LooksLikeHtml => td_string!(l, status.file_html).to_owned(),
        FileError::NotUtf8 { line, column } => {
            td_string!(l, status.file_not_utf8, line = *line, column = *column).to_string()
        }
        FileError::NotJson { line, column } => {
            td_string!(l, status.file_not_json, line = *line, column = *column).to_string()
        }
        FileError::NotObject => td_string!(l, status.file_not_object).to_owned(),
        FileError::MissingSchema => {
            td_string!(l, status.file_missing_schema, schema = SCHEMA).to_string()
        }
        FileError::WrongSchema(value) => td_string!(
            l,
            status.file_wrong_schema,
            value = quote(value),
            schema = SCHEMA
        )
        .to_string(),
        FileError::UnsupportedVersion(value) => td_string!(
            l,
            status.file_unsupported_version,
            value = quote(value),
            schema = SCHEMA
        )
        .to_string(),
        FileError::MissingField(field) => td_string!(
            l,
            status.file_missing_field,
            field = field.key(),
            meaning = field_meaning(*field)
        )
        .to_string(),
        // The checker's detail is the core's Chinese; the publisher's tool has it too.
        FileError::BadField { field, message } => td_string!(
            l,
            status.file_bad_field,
            field = field.clone(),
            message = message.clone()
        )
        .to_string(),
        FileError::InstitutionsNotArray => {
            td_string!(l, status.file_institutions_not_array).to_owned()
        }
        FileError::TooManyRecords { limit } => {
            td_string!(l, status.file_too_many_records, limit = *limit).to_string()
        }
    }
}

fn field_meaning(field: TopField) -> &'static str {
    let l = lang::current();
    match field {
        TopField::Schema => td_string!(l, status.field_schema),
        TopField::Title => td_string!(l, status.field_title),
        TopField::Publisher => td_string!(l, status.field_publisher),
        TopField::Published => td_string!(l, status.field_published),
        TopField::Crs => td_string!(l, status.field_crs),
        TopField::Region => td_string!(l, status.field_region),
        TopField::Institutions => td_string!(l, status.field_institutions),
        TopField::Sample => td_string!(l, status.field_other),
    }
}

/// A note on the link (`QueryNote::message`), in the interface's language.
pub fn note_text(note: &QueryNote) -> String {
    let l = lang::current();
    let value = quote(&note.value);
    match &note.kind {
        NoteKind::Unrecognised { shown } => td_string!(
            l,
            status.note_unrecognised,
            what = param_word(note.param),
            value = quote(shown)
        )
        .to_string(),
        NoteKind::NotAFlag => td_string!(
            l,
            status.note_not_a_flag,
            what = param_word(note.param),
            value
        )
        .to_string(),
        NoteKind::AgeOutOfRange => td_string!(l, status.note_age_out_of_range, value).to_string(),
        NoteKind::UnreadablePlace => td_string!(l, status.note_unreadable_place, value).to_string(),
        NoteKind::RadiusWithoutPlace { metres } => {
            td_string!(l, status.note_radius_without_place, metres = *metres).to_string()
        }
        NoteKind::UnreadableRadius => {
            td_string!(l, status.note_unreadable_radius, value).to_string()
        }
        NoteKind::DistanceSortWithoutPlace => {
            td_string!(l, status.note_distance_sort_without_place).to_owned()
        }
        NoteKind::BirthDate(why) => {
            td_string!(l, status.note_birth_date, value, why = birth_date_text(why)).to_string()
        }
        NoteKind::AreaNotInDataset => {
            td_string!(l, status.note_area_not_in_dataset, value).to_string()
        }
        NoteKind::TooManyCompared => {
            td_string!(l, status.note_too_many_compared, n = MAX_COMPARED).to_string()
        }
    }
}

/// `BirthDateProblem::message`, in the interface's language.
pub fn birth_date_text(problem: &BirthDateProblem) -> String {
    let l = lang::current();
    match problem {
        BirthDateProblem::Empty => td_string!(l, status.born_empty).to_owned(),
        BirthDateProblem::NoSuchDay(day) => {
            td_string!(l, status.born_no_such_day, day = day.clone()).to_string()
        }
        BirthDateProblem::WrongShape => td_string!(l, status.born_wrong_shape).to_owned(),
        BirthDateProblem::InFuture => td_string!(l, status.born_in_future).to_owned(),
        BirthDateProblem::TooOld => td_string!(l, status.born_too_old).to_owned(),
        BirthDateProblem::Unreadable => td_string!(l, status.born_unreadable).to_owned(),
    }
}

/// What a parameter of the link is, for a note about it.
fn param_word(param: Param) -> &'static str {
    let l = lang::current();
    match param {
        Param::Types => td_string!(l, status.param_types),
        Param::Kind => td_string!(l, status.param_kind),
        Param::Puhui => td_string!(l, status.param_puhui),
        Param::Vacant => td_string!(l, status.param_vacant),
        Param::Public => td_string!(l, status.param_public),
        Param::Age => td_string!(l, status.param_age),
        Param::Sort => td_string!(l, status.param_sort),
        Param::View => td_string!(l, status.param_view),
        Param::Page => td_string!(l, status.param_page),
        Param::Id => td_string!(l, status.param_id),
        Param::Article => td_string!(l, status.param_article),
        Param::From => td_string!(l, status.param_from),
        Param::Until => td_string!(l, status.param_until),
        Param::Prepay => td_string!(l, status.param_prepay),
        _ => td_string!(l, status.param_other),
    }
}
