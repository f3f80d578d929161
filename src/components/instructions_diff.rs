//! The instructions last reviewed against the current ones, line by line
//! (`model::line_diff`): removed lines struck out, added lines inserted, each with
//! its sign and a word for screen readers, never colour alone; long unchanged
//! stretches as a count. Lines go through `RevealedText`, so a hidden character
//! added to a line shows as a token.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use super::revealed_text::RevealedText;
use crate::model::line_diff::{DiffRow, LineChange, diff, rows};
use crate::model::text::counted;

/// Unchanged lines shown either side of a change.
const CONTEXT: usize = 3;

#[component]
pub fn InstructionsDiff(
    /// The text last reviewed; `None` when there were no instructions.
    old: Option<String>,
    /// The current text; `None` when there are none.
    new: Option<String>,
) -> impl IntoView {
    let lines = diff(old.as_deref(), new.as_deref());
    let shown = rows(&lines, CONTEXT)
        .into_iter()
        .map(|row| match row {
            DiffRow::Skipped(count) => EitherOf3::A(view! {
                <li class="diff__skipped">{format!("{} unchanged", counted(count, "line", "lines"))}</li>
            }),
            DiffRow::Line(line) => {
                let text = line.text.to_owned();
                match line.change {
                    LineChange::Same => EitherOf3::B(view! {
                        <li class="diff__line">
                            <span class="diff__sign" aria-hidden="true">" "</span>
                            <span class="diff__text"><RevealedText text /></span>
                        </li>
                    }),
                    change => {
                        let removed = change == LineChange::Removed;
                        let (sign, word) = if removed { ("−", "Removed: ") } else { ("+", "Added: ") };
                        let text = view! { <span class="visually-hidden">{word}</span><RevealedText text /> };
                        EitherOf3::C(view! {
                            <li class="diff__line" class:diff__line--removed=removed class:diff__line--added=!removed>
                                <span class="diff__sign" aria-hidden="true">{sign}</span>
                                {if removed {
                                    Either::Left(view! { <del class="diff__text">{text}</del> })
                                } else {
                                    Either::Right(view! { <ins class="diff__text">{text}</ins> })
                                }}
                            </li>
                        })
                    }
                }
            }
        })
        .collect_view();
    let none = |sentence: &'static str| view! { <p class="diff__none">{sentence}</p> };
    view! {
        {old.is_none().then(|| none("When last reviewed, there were no instructions."))}
        <ol class="diff" aria-label="Changes to the instructions">{shown}</ol>
        {new.is_none().then(|| none("Now there are no instructions."))}
    }
}
